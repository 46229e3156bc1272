namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// The share of a claim's content words (<see cref="ContentWords"/>, every negation left out) that a sentence also has,
/// from 0 to 1: how much of what the claim talks about the sentence talks about too. A sentence that contradicts a claim
/// says the same thing with one fact changed, so it shares most of the claim's words; the cross-encoder also reads
/// contradiction into a sentence about something else the claim's subject did ("Koalas sleep for up to twenty hours a
/// day." against "Koalas feed almost entirely on the leaves of eucalyptus trees.", 0.56), which shares few.
/// <see cref="VerdictAggregator"/> reads it.
/// </summary>
internal static class ClaimCoverage
{
    public static double Of(List<ContentWord> claim, List<ContentWord> sentence)
    {
        var claimKeys = KeysOf(claim);
        if (claimKeys.Count == 0)
        {
            return 1;
        }
        var sentenceKeys = KeysOf(sentence);
        return (double)claimKeys.Count(sentenceKeys.Contains) / claimKeys.Count;
    }

    /// <summary>The distinct keys of <paramref name="words"/>, every negation left out: what a share of words is counted over.</summary>
    public static HashSet<string> KeysOf(List<ContentWord> words) =>
        words.Where(w => !w.IsNegation).Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
}
