namespace TruthGraph.CrossEncoderTraining.Data;

/// <summary>
/// Pairs of two true sentences that sit close together in embedding space: a supported FEVER claim (or a sentence of
/// its Wikipedia evidence) as the premise and the nearest other supported claim as the hypothesis, e.g. "Canberra is
/// the capital of Australia." / "Ottawa is the capital of Canada.", or "Apple released the first iPhone in 2007." /
/// "The iPhone runs iOS.". Two true statements cannot contradict each other, so the gold answer is the set
/// {entailment, neutral}: anything but contradiction. Stage 3 read such neighbours as contradictions (0.99), which is
/// what turns a true claim DISPUTED and a claim the corpus does not settle REFUTED. Unlike stage 5's strict neutrals,
/// the set leaves a reworded neighbour free to be read as entailment, so paraphrases are not pushed away.
/// </summary>
public static class TruePairs
{
    public const string Source = "true-pairs";

    /// <param name="pairs">labelled FEVER pairs (premise = evidence, hypothesis = claim)</param>
    /// <param name="claimVectors">L2-normalised embedding of each distinct claim, keyed by its text</param>
    /// <param name="count">pairs wanted; about half use the claim as the premise, half a sentence of its evidence</param>
    public static IReadOnlyList<LabelledPair> Build(IReadOnlyList<NliPair> pairs, IReadOnlyDictionary<string, float[]> claimVectors,
        int count, Random random)
    {
        if (count <= 0)
        {
            return [];
        }
        var claims = SimilarClaimNeutrals.ClaimsWithEvidence(pairs);
        var supported = pairs.Where(p => p.Label == NliLabel.Entailment).Select(p => p.Hypothesis).ToHashSet(StringComparer.Ordinal);
        // A claim FEVER also lists as refuted (with other evidence) is not safely true.
        supported.ExceptWith(pairs.Where(p => p.Label == NliLabel.Contradiction).Select(p => p.Hypothesis));
        var result = new List<LabelledPair>(count);
        foreach (var index in Enumerable.Range(0, claims.Count).OrderBy(_ => random.Next()))
        {
            if (result.Count >= count)
            {
                break;
            }
            var (claim, evidence) = claims[index];
            if (!supported.Contains(claim))
            {
                continue;
            }
            foreach (var neighbour in SimilarClaimNeutrals.Nearest(claimVectors[claim], claims, claimVectors, index, SimilarClaimNeutrals.Candidates))
            {
                var other = claims[neighbour].Claim;
                if (!supported.Contains(other) || string.Equals(SubjectSwaps.Letters(other), SubjectSwaps.Letters(claim), StringComparison.Ordinal))
                {
                    continue;
                }
                var premise = random.Next(2) == 0 ? claim : evidence[random.Next(evidence.Count)];
                result.Add(new LabelledPair(premise, other, [NliLabel.Entailment, NliLabel.Neutral], Source));
                break;
            }
        }
        return result;
    }
}
