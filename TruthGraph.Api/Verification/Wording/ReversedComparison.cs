namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// "A … than B" against "B … than A" with the same words in between: the same comparison the other way round
/// (<see cref="WordingMatch.ReversesComparison"/>). "Saturn has more moons than Jupiter." against "Jupiter has more moons
/// than Saturn." With the comparative replaced by its opposite (<see cref="Opposites"/>), the reversal says the same
/// (<see cref="WordingMatch.RestatesComparison"/>): "Volcanoes emit less carbon dioxide than human activities." against
/// "Human activities emit far more carbon dioxide than volcanoes do."
/// </summary>
internal static class ReversedComparison
{
    private const string Than = "than";

    /// <summary>Words the sentence may add between the two things compared ("far" in "far more").</summary>
    public const int MaxExtraEvidenceWords = 1;

    /// <returns><see cref="WordingMatch.ReversesComparison"/>, <see cref="WordingMatch.RestatesComparison"/> or none.</returns>
    public static WordingMatch Compare(List<ContentWord> claim, List<ContentWord> evidence)
    {
        var claimThan = claim.FindIndex(w => w.Key == Than);
        var evidenceThan = evidence.FindIndex(w => w.Key == Than);
        if (claimThan <= 0 || evidenceThan <= 0 || claimThan == claim.Count - 1 || evidenceThan == evidence.Count - 1
            || claim.Any(w => w.IsNegation) || evidence.Any(w => w.IsNegation))
        {
            return WordingMatch.None;
        }
        var claimBefore = claim[..claimThan].Select(w => w.Key).ToList();
        var claimAfter = claim[(claimThan + 1)..].Select(w => w.Key).ToList();
        var evidenceBefore = evidence[..evidenceThan].Select(w => w.Key).ToList();
        var evidenceAfter = evidence[(evidenceThan + 1)..];
        // The claim's "B" opens the sentence's first half ...
        if (!StartsWith(evidenceBefore, claimAfter) || claimAfter.SequenceEqual(evidenceAfter.Select(w => w.Key).Take(claimAfter.Count)))
        {
            return WordingMatch.None;
        }
        // ... and the claim's "A" (its first words, as many as the sentence repeats after "than") follows the sentence's
        // "than", which either ends there or goes on with a clause of its own ("…, which is why lightning is seen first"),
        // never with more of a name ("than Saturn's moon Titan" is not "than Saturn").
        for (var a = claimBefore.Count - 1; a >= 1; a--)
        {
            if (evidenceAfter.Count < a || !evidenceAfter.Take(a).Select(w => w.Key).SequenceEqual(claimBefore.Take(a))
                || (evidenceAfter.Count > a && !evidenceAfter[a].OpensClause))
            {
                continue;
            }
            // What lies between the compared things (the verb and the comparative) is the same, give or take a word ...
            var claimMiddle = claimBefore[a..];
            var evidenceMiddle = evidenceBefore[claimAfter.Count..];
            if (evidenceMiddle.Count - claimMiddle.Count > MaxExtraEvidenceWords)
            {
                return WordingMatch.None;
            }
            var unmatched = claimMiddle.Where(k => !evidenceMiddle.Contains(k)).ToList();
            if (unmatched.Count == 0)
            {
                return WordingMatch.ReversesComparison;
            }
            // ... or one word of it is the opposite of the sentence's: "less" for "more" turned round says the same.
            return unmatched.Count == 1 && evidenceMiddle.Any(k => Opposites.Oppose(unmatched[0], k))
                ? WordingMatch.RestatesComparison
                : WordingMatch.None;
        }
        return WordingMatch.None;
    }

    private static bool StartsWith(List<string> words, List<string> start) =>
        start.Count > 0 && words.Count > start.Count && words.Take(start.Count).SequenceEqual(start);
}
