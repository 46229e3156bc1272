using System.Text.RegularExpressions;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// A claim's text, tokens and content words (<see cref="ContentWords"/>), read once for all its evidence, and, for a
/// claim of the form "A is B", the same claim the other way round (<see cref="Inverted"/>).
/// </summary>
internal sealed record ClaimWording(string Text, List<TruthGraph.Wording.Word> Tokens, List<ContentWord> Words, InvertedClaim? Inverted)
{
    public static ClaimWording Of(string claim)
    {
        var tokens = TruthGraph.Wording.Words.Tokenize(claim);
        return new(claim, tokens, ContentWords.Of(claim, tokens), InvertedClaim.Of(claim));
    }
}

/// <summary>
/// "The capital of Australia is Sydney." read as "Sydney is the capital of Australia.": evidence states such a fact with
/// the name first ("Canberra is the capital city of Australia."), and the model reads the claim as entailed by it (0.98).
/// The predicate ("Sydney") comes first in <see cref="Words"/>, its <see cref="PredicateWords"/> words long; a "not"
/// before it ("The capital of Canada is not Toronto.") is left out and kept in <see cref="Negated"/>. Only a predicate
/// that names something is read this way.
/// </summary>
internal sealed partial record InvertedClaim(List<ContentWord> Words, int PredicateWords, bool Negated)
{
    /// <summary>A longer predicate is a description, not the one name or number this reading is for.</summary>
    public const int MaxPredicateWords = 4;

    [GeneratedRegex(@"^\s*(?<subject>[^,;:()]+?)\s+(?<verb>is|are|was|were)\s+(?<not>not\s+)?(?<predicate>[^,;:()]+?)\s*[.!?]?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Copular();

    // A subject with a clause of its own ("The planet that is closest …") or a predicate with a verb of its own is not one
    // "A is B".
    [GeneratedRegex(@"\b(?:that|which|who|whom|whose|where|when|is|are|was|were|be|been|has|have|had)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ClauseWord();

    [GeneratedRegex(@"^(?:the\b|an?\b|\p{Lu}|\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NounPhraseStart();

    public static InvertedClaim? Of(string claim)
    {
        var match = Copular().Match(claim);
        if (!match.Success)
        {
            return null;
        }
        var subject = match.Groups["subject"].Value;
        var predicate = match.Groups["predicate"].Value;
        var predicateWords = ContentWords.Of(predicate);
        // The predicate names something ("Sydney", "the Pacific Ocean", "40 million"): not a place after a preposition ("in
        // the Balkan Peninsula"), not a passive ("released in 2006"), not a description without a name ("a film").
        if (ClauseWord().IsMatch(subject) || ClauseWord().IsMatch(predicate) || predicateWords.Count is 0 or > MaxPredicateWords
            || !NounPhraseStart().IsMatch(predicate) || !predicateWords.Any(w => w.IsName || w.IsValue) || predicateWords.Any(w => w.IsNegation))
        {
            return null;
        }
        var words = ContentWords.Of($"{predicate} {match.Groups["verb"].Value} {subject}");
        return new InvertedClaim(words, predicateWords.Count, match.Groups["not"].Success);
    }
}
