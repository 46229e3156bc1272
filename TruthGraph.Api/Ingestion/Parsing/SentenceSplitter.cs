using System.Text.RegularExpressions;

namespace TruthGraph.Api.Ingestion.Parsing;

/// <summary>
/// Splits prose into sentences. Hand-written rather than a library: none is served here that is small and offline, and
/// the rules that matter for evidence text are few and testable: a sentence ends at <c>. ! ?</c> (plus closing quotes
/// or brackets) followed by whitespace and a capital, digit or opening quote; not after a known abbreviation
/// ("Dr.", "e.g.", "approx."), a single-letter initial ("J. R. R. Tolkien") or a dotted acronym ("U.S."); never inside
/// a number ("3.1") since no whitespace follows that dot. Blank lines always end a sentence.
/// Known trade-off: "vitamin C. The" and "in the U.S. The" stay one sentence (read as an initial and an acronym).
/// </summary>
public static partial class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "col", "lt", "sgt", "capt", "gov", "sen",
        "rep", "rev", "hon", "pres", "e.g", "i.e", "vs", "cf", "al", "approx", "ca", "no", "nos", "fig", "figs", "vol",
        "pp", "p", "ed", "eds", "est", "dept", "univ", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "mon", "tue", "wed", "thu", "fri", "sat", "sun", "inc", "ltd", "co", "corp", "op", "ch",
    };

    private const string ClosingMarks = "\"'”’)]»";
    private const string OpeningMarks = "\"'“‘([«";

    public static IReadOnlyList<string> Split(string text)
    {
        var sentences = new List<string>();
        foreach (var paragraph in ParagraphBreak().Split(text))
        {
            var flat = Whitespace().Replace(paragraph, " ").Trim();
            var start = 0;
            for (var i = 0; i < flat.Length; i++)
            {
                if (flat[i] is not ('.' or '!' or '?' or '…'))
                {
                    continue;
                }
                var end = i + 1;
                while (end < flat.Length && (flat[end] is '.' or '!' or '?' || ClosingMarks.Contains(flat[end])))
                {
                    end++;
                }
                if (end < flat.Length && (flat[end] != ' ' || !StartsSentence(flat, end + 1)))
                {
                    continue;
                }
                if (flat[i] == '.' && end < flat.Length && IsAbbreviationOrInitial(flat, i))
                {
                    continue;
                }
                Add(sentences, flat[start..end]);
                start = end;
                i = end - 1;
            }
            Add(sentences, flat[start..]);
        }
        return sentences;
    }

    private static bool StartsSentence(string text, int index) =>
        index < text.Length && (char.IsUpper(text[index]) || char.IsDigit(text[index]) || OpeningMarks.Contains(text[index]));

    private static bool IsAbbreviationOrInitial(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }
        var word = text[wordStart..dot];
        if (word.Length == 0)
        {
            return false;
        }
        return Abbreviations.Contains(word)
               || (word.Length == 1 && char.IsUpper(word[0]))
               || DottedAcronym().IsMatch(word);
    }

    private static void Add(List<string> sentences, string candidate)
    {
        var sentence = candidate.Trim();
        if (sentence.Length > 0)
        {
            sentences.Add(sentence);
        }
    }

    [GeneratedRegex(@"\r?\n\s*\r?\n")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(\p{L}\.)+\p{L}$")]
    private static partial Regex DottedAcronym();
}
