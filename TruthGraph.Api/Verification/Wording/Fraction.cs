using TruthGraph.Wording;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// A share written in words ("one third", "two thirds", "a quarter of", "half of"), read by <see cref="Amount"/> as the
/// percentage it is, so that "The Black Death killed about 5 percent of Europe's population." meets "… killed an
/// estimated one third or more of Europe's population" as another amount of the same kind.
/// </summary>
internal static class Fraction
{
    private static readonly Dictionary<string, int> Denominators = new(StringComparer.Ordinal)
    {
        ["third"] = 3, ["thirds"] = 3, ["quarter"] = 4, ["quarters"] = 4, ["fifth"] = 5, ["fifths"] = 5,
    };

    /// <summary>Words before "half" that make it a part of a span, not a share: "the second half of the century".</summary>
    private static readonly HashSet<string> SpanParts = ["first", "second", "latter", "former", "other", "last"];

    /// <summary>The share the words from <paramref name="start"/> give (0.25 for "a quarter of") and the index of its last word, or null.</summary>
    public static (double Share, int End)? At(List<Word> tokens, int start)
    {
        var first = Lower(tokens, start);
        var next = Lower(tokens, start + 1);
        // "half of the world's population", "half the time"; not "the second half of the century" or "half-life".
        if (first == "half")
        {
            return next is "of" or "the" && !SpanParts.Contains(Lower(tokens, start - 1) ?? "") ? (0.5, start) : null;
        }
        var numerator = Numerator(tokens[start]);
        if (numerator == 0 || next is null || !Denominators.TryGetValue(next, out var denominator) || (numerator > 1) != next.EndsWith('s'))
        {
            return null;
        }
        // "a third" is as often an ordinal ("a third planet", "a third time"): only "a third of" is a share.
        if (first is "a" or "an" && Lower(tokens, start + 2) != "of")
        {
            return null;
        }
        return ((double)numerator / denominator, start + 1);
    }

    /// <summary>"a" or "an" as one, or a number word from one to four as the tokenizer reads it; 0 for anything else.</summary>
    private static int Numerator(Word word) =>
        word.Text.ToLowerInvariant() is "a" or "an" ? 1
        : word.Kind == WordKind.Number && char.IsLetter(word.Text[0]) && int.TryParse(word.Keys[0], out var n) && n is >= 1 and <= 4 ? n
        : 0;

    private static string? Lower(List<Word> tokens, int at) => at >= 0 && at < tokens.Count ? tokens[at].Text.ToLowerInvariant() : null;
}
