using TruthGraph.Wording;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// The sentence gives a span of years ("from 1861 to 1865", "between 1914 and 1918", "from 1837 until her death in
/// 1901") and the claim says when the same thing began or ended: the claim's year must be the span's first or last
/// (<see cref="WordingMatch.MatchesSpan"/>, <see cref="WordingMatch.MissesSpan"/>). "The American Civil War ended in
/// 1865." against "The American Civil War was fought from 1861 to 1865." is support (the model read a contradiction at
/// 0.93, seeing 1861), and "Queen Victoria's reign began in 1901." against "Queen Victoria reigned … from 1837 until her
/// death in 1901." a contradiction (the model read support at 0.88, seeing 1901).
/// </summary>
internal static class Span
{
    private static readonly HashSet<string> Beginnings = Words.KeysOf("began begun begin begins started start starts opened");
    private static readonly HashSet<string> Endings = Words.KeysOf("ended end ends finished closed concluded");

    /// <summary>Words that lead to a span's last year ("from 1914 to 1918", "between 1914 and 1918").</summary>
    private static readonly HashSet<string> SpanClosers = Words.KeysOf("to and until till through");

    /// <summary>The most words between the span's two years ("until her death in").</summary>
    public const int MaxWordsBetweenYears = 3;

    public static WordingMatch Compare(List<ContentWord> claim, List<ContentWord> evidence)
    {
        var years = claim.Where(w => w.Kind == WordKind.Date && IsYear(w.Key)).ToList();
        var begins = claim.Count(w => Beginnings.Contains(w.Key));
        var ends = claim.Count(w => Endings.Contains(w.Key));
        if (years.Count != 1 || begins + ends != 1 || claim.Count(w => w.IsValue) != 1
            || claim.Any(w => w.IsNegation) || evidence.Any(w => w.IsNegation) || FindSpan(evidence) is not var (first, last))
        {
            return WordingMatch.None;
        }
        // What began or ended is the sentence's subject: every other word of the claim is in it.
        var evidenceKeys = evidence.Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
        if (!claim.Where(w => !w.IsValue && !Beginnings.Contains(w.Key) && !Endings.Contains(w.Key)).All(w => evidenceKeys.Contains(w.Key)))
        {
            return WordingMatch.None;
        }
        // Another year in the sentence may be the one the claim means: "a 1968 film, remade from 1990 to 1991", or "began
        // composing in 1761 and worked in Vienna from 1781 to 1791".
        if (evidence.Count(w => w.Kind == WordKind.Date && IsYear(w.Key)) != 2)
        {
            return WordingMatch.None;
        }
        var bound = evidence[begins == 1 ? first : last].Key;
        return years[0].Key == bound ? WordingMatch.MatchesSpan : WordingMatch.MissesSpan;
    }

    /// <summary>Where the one span of years in the sentence begins and ends, or null when it has none or more than one.</summary>
    private static (int First, int Last)? FindSpan(List<ContentWord> words)
    {
        (int, int)? span = null;
        for (var i = 0; i < words.Count; i++)
        {
            if (!OpensSpan(words, i))
            {
                continue;
            }
            var last = words.FindIndex(i + 1, w => w.IsValue);
            if (last < 0 || last - i - 1 > MaxWordsBetweenYears || !IsYear(words[last].Key) || words[(i + 1)..(last + 1)].Any(w => w.FollowsClauseMark)
                || !(words[last].FunctionWordBefore is { } before && SpanClosers.Contains(before) || words[(i + 1)..last].Any(w => SpanClosers.Contains(w.Key))))
            {
                continue;
            }
            if (span is not null)
            {
                return null;
            }
            span = (i, last);
        }
        return span;
    }

    /// <summary>A year after "from" (a function word) or "between" (a content word).</summary>
    private static bool OpensSpan(List<ContentWord> words, int i) =>
        words[i].Kind == WordKind.Date && IsYear(words[i].Key) && (words[i].FunctionWordBefore == "from" || (i > 0 && words[i - 1].Key == "between"));

    private static bool IsYear(string key) => key.Length == 4 && key.All(char.IsAsciiDigit);
}
