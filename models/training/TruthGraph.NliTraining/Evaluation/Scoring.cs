using TruthGraph.Api.Verification;
using TruthGraph.NliTraining.Data;
using TruthGraph.NliTraining.Training;
using TruthGraph.NliTraining.Verdicts;

namespace TruthGraph.NliTraining.Evaluation;

/// <summary>Glue between the head's raw probabilities and the metrics: offsets, argmax, per-claim grouping.</summary>
public static class Scoring
{
    public static PairScores ToPairScores(float[] probabilities, IReadOnlyList<double> offsets)
    {
        var p = LogProbOffsets.Apply(probabilities, offsets);
        return new PairScores(p[(int)NliLabel.Entailment], p[(int)NliLabel.Neutral], p[(int)NliLabel.Contradiction]);
    }

    public static ConfusionMatrix Pairs(IReadOnlyList<float[]> probabilities, IReadOnlyList<NliLabel> gold, IReadOnlyList<double> offsets)
    {
        var predicted = probabilities.Select(p => LogProbOffsets.ArgMax(LogProbOffsets.Apply(p, offsets))).ToList();
        return ConfusionMatrix.From(gold.Select(g => (int)g).ToList(), predicted, NliLabels.Count);
    }

    /// <summary>Splits pair scores (claims' pairs laid out consecutively, in order) back into one list per claim.</summary>
    public static IReadOnlyList<IReadOnlyList<PairScores>> ByClaim(
        IReadOnlyList<ClaimExample> claims, IReadOnlyList<float[]> probabilities, IReadOnlyList<double> offsets)
    {
        var result = new List<IReadOnlyList<PairScores>>(claims.Count);
        var next = 0;
        foreach (var claim in claims)
        {
            result.Add(Enumerable.Range(next, claim.Pairs.Count).Select(i => ToPairScores(probabilities[i], offsets)).ToList());
            next += claim.Pairs.Count;
        }
        if (next != probabilities.Count)
        {
            throw new InvalidOperationException($"{probabilities.Count} pair scores for {next} pairs.");
        }
        return result;
    }
}
