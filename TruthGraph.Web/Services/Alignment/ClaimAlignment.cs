using System.Text.RegularExpressions;

namespace TruthGraph.Web.Services.Alignment;

/// <summary>Why a word was highlighted: the kinds of change a fact-checker is usually tested with.</summary>
public enum DifferenceKind
{
    Number,
    Date,
    Name,
    Negation,
    Word,
}

/// <summary>A run of text, and how it differs from the other text (null: the other text has it too, or it carries no content).</summary>
public sealed record TextSegment(string Text, DifferenceKind? Difference);

/// <summary>A word that only one of the two texts has.</summary>
public sealed record Difference(string Text, DifferenceKind Kind);

/// <summary>Evidence and claim cut into segments, with the content words that only one of them has marked.</summary>
public sealed record AlignedPair(
    IReadOnlyList<TextSegment> Evidence, IReadOnlyList<TextSegment> Claim,
    IReadOnlyList<Difference> OnlyInEvidence, IReadOnlyList<Difference> OnlyInClaim);

/// <summary>
/// A bag-of-words token alignment between a claim and an evidence sentence: each content word is compared by a
/// normalised key (lower case, light suffix stripping, number words as digits, every negation word as "not"), so that
/// "cannot" differs from "can" by its negation and "three" matches "3", whatever the word order. It explains a verdict
/// by showing what differs; it decides nothing. Word order is ignored on purpose: "Vitamin C deficiency causes
/// scurvy" and "Scurvy is caused by a lack of vitamin C" share their facts, which a sequence diff would hide.
/// Hand-written: the only NLP packages on offer (Catalyst) bring a 100 MB language model for what a few rules do here.
/// </summary>
public static partial class ClaimAlignment
{
    public static AlignedPair Align(string evidence, string claim)
    {
        var evidenceTokens = Tokenize(evidence);
        var claimTokens = Tokenize(claim);
        var evidenceKeys = evidenceTokens.SelectMany(t => t.Keys).ToHashSet();
        var claimKeys = claimTokens.SelectMany(t => t.Keys).ToHashSet();
        var evidenceSegments = Segment(evidence, evidenceTokens, claimKeys, out var onlyInEvidence);
        var claimSegments = Segment(claim, claimTokens, evidenceKeys, out var onlyInClaim);
        return new AlignedPair(evidenceSegments, claimSegments, onlyInEvidence, onlyInClaim);
    }

    private sealed record Token(int Start, int Length, string Text, IReadOnlyList<string> Keys, DifferenceKind Kind);

    private static IReadOnlyList<TextSegment> Segment(
        string text, IReadOnlyList<Token> tokens, IReadOnlySet<string> otherKeys, out IReadOnlyList<Difference> differences)
    {
        var segments = new List<TextSegment>();
        var found = new List<Difference>();
        var plainStart = 0;
        foreach (var token in tokens)
        {
            var missing = token.Keys.Where(k => !otherKeys.Contains(k) && !WordLists.FunctionWords.Contains(k)).ToList();
            if (missing.Count == 0)
            {
                continue;
            }
            // "cannot" against "can": the word differs only by its negation, and that is what the reader should see.
            var kind = missing.All(k => k == WordLists.NegationKey) ? DifferenceKind.Negation
                : token.Kind == DifferenceKind.Negation ? DifferenceKind.Word : token.Kind;
            if (token.Start > plainStart)
            {
                segments.Add(new TextSegment(text[plainStart..token.Start], null));
            }
            segments.Add(new TextSegment(token.Text, kind));
            found.Add(new Difference(token.Text, kind));
            plainStart = token.Start + token.Length;
        }
        if (plainStart < text.Length)
        {
            segments.Add(new TextSegment(text[plainStart..], null));
        }
        differences = found;
        return segments;
    }

    [GeneratedRegex(@"\d+(?:[.,:]\d+)*(?:%|st|nd|rd|th|s)?|[\p{L}\p{M}]+(?:['’][\p{L}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        foreach (Match match in WordPattern().Matches(text))
        {
            var isFirst = tokens.Count == 0;
            var (keys, kind) = Classify(match.Value, isFirst);
            tokens.Add(new Token(match.Index, match.Length, match.Value, keys, kind));
        }
        return tokens;
    }

    private static (IReadOnlyList<string> Keys, DifferenceKind Kind) Classify(string word, bool isFirstWord)
    {
        var lower = word.ToLowerInvariant().Replace('’', '\'');
        if (char.IsDigit(lower[0]))
        {
            var digits = lower.Replace(",", "").TrimEnd('%', 's');
            foreach (var suffix in new[] { "st", "nd", "rd", "th" })
            {
                digits = digits.EndsWith(suffix, StringComparison.Ordinal) ? digits[..^suffix.Length] : digits;
            }
            var isYear = digits.Length == 4 && int.TryParse(digits, out var year) && year is >= 1000 and < 2200;
            return ([digits], isYear ? DifferenceKind.Date : DifferenceKind.Number);
        }
        if (WordLists.Negations.TryGetValue(lower, out var negated))
        {
            return (negated is null ? [WordLists.NegationKey] : [negated, WordLists.NegationKey], DifferenceKind.Negation);
        }
        if (WordLists.NumberWords.TryGetValue(lower, out var number))
        {
            return ([number], DifferenceKind.Number);
        }
        // "may" is a month only with a capital: "It may rain" is not a date.
        if (WordLists.Months.Contains(lower) && (lower != "may" || char.IsUpper(word[0])))
        {
            return ([lower], DifferenceKind.Date);
        }
        if (lower.EndsWith("'s", StringComparison.Ordinal))
        {
            lower = lower[..^2];
        }
        // A capital at the start of a sentence says nothing; elsewhere it marks a name ("Ottawa", "Einstein").
        var isName = char.IsUpper(word[0]) && (!isFirstWord || !WordLists.FunctionWords.Contains(lower));
        // Function words keep their spelling: the list is of whole words, and stripping "have" to "hav" would lose it.
        return ([WordLists.FunctionWords.Contains(lower) ? lower : Stem(lower)], isName ? DifferenceKind.Name : DifferenceKind.Word);
    }

    /// <summary>Strips the commonest English inflections, so that "travels" matches "travel" and "caused" matches "causes".</summary>
    private static string Stem(string word)
    {
        if (word.Length <= 3)
        {
            return word;
        }
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }
        foreach (var suffix in new[] { "ing", "ed", "es", "s" })
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 3 && !word.EndsWith("ss", StringComparison.Ordinal))
            {
                var stem = word[..^suffix.Length];
                // "caused" → "caus" and "causes" → "caus" meet; "cause" is trimmed the same way below.
                return stem.EndsWith('e') ? stem[..^1] : stem;
            }
        }
        return word.EndsWith('e') ? word[..^1] : word;
    }
}
