using TruthGraph.Wording;

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
/// The words come from <see cref="Words"/>, the tokenizer the API decides with (linked from TruthGraph.Api/Wording).
/// </summary>
public static class ClaimAlignment
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

    private sealed record Token(Word Word, DifferenceKind Kind)
    {
        public int Start => Word.Start;
        public int Length => Word.Length;
        public string Text => Word.Text;
        public IReadOnlyList<string> Keys => Word.Keys;
    }

    private static IReadOnlyList<TextSegment> Segment(
        string text, IReadOnlyList<Token> tokens, IReadOnlySet<string> otherKeys, out IReadOnlyList<Difference> differences)
    {
        var segments = new List<TextSegment>();
        var found = new List<Difference>();
        var plainStart = 0;
        foreach (var token in tokens)
        {
            var missing = token.Word.ContentKeys.Where(k => !otherKeys.Contains(k)).ToList();
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

    private static List<Token> Tokenize(string text) =>
        [.. Words.Tokenize(text).Select(w => new Token(w, KindOf(w.Kind)))];

    private static DifferenceKind KindOf(WordKind kind) => kind switch
    {
        WordKind.Number => DifferenceKind.Number,
        WordKind.Date => DifferenceKind.Date,
        WordKind.Name => DifferenceKind.Name,
        WordKind.Negation => DifferenceKind.Negation,
        _ => DifferenceKind.Word,
    };
}
