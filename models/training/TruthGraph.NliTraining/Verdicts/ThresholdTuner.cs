using TruthGraph.Api.Verification;
using TruthGraph.NliTraining.Evaluation;

namespace TruthGraph.NliTraining.Verdicts;

/// <summary>Grid search of the two verdict thresholds that maximise claim-level macro-F1 on labelled claims.</summary>
public static class ThresholdTuner
{
    public const double Min = 0.05, Max = 0.95, Step = 0.01;

    public static (VerdictThresholds Thresholds, double MacroF1) Tune(
        IReadOnlyList<IReadOnlyList<PairScores>> claims, IReadOnlyList<Verdict> gold)
    {
        var steps = (int)Math.Round((Max - Min) / Step);
        var best = new VerdictThresholds(0.5, 0.5);
        var bestF1 = double.NegativeInfinity;
        for (var i = 0; i <= steps; i++)
        {
            for (var j = 0; j <= steps; j++)
            {
                var candidate = new VerdictThresholds(Math.Round(Min + i * Step, 4), Math.Round(Min + j * Step, 4));
                var f1 = Evaluate(claims, gold, candidate).MacroF1;
                // Ties go to the thresholds nearest 0.5: the least extreme rule that scores as well.
                if (f1 > bestF1 + 1e-12 || (Math.Abs(f1 - bestF1) <= 1e-12 && Distance(candidate) < Distance(best)))
                {
                    best = candidate;
                    bestF1 = f1;
                }
            }
        }
        return (best, bestF1);
    }

    public static ConfusionMatrix Evaluate(
        IReadOnlyList<IReadOnlyList<PairScores>> claims, IReadOnlyList<Verdict> gold, VerdictThresholds thresholds)
    {
        var matrix = new ConfusionMatrix(VerdictNames.Count);
        for (var n = 0; n < claims.Count; n++)
        {
            matrix.Add((int)gold[n], (int)VerdictAggregator.Decide(claims[n], thresholds).Verdict);
        }
        return matrix;
    }

    private static double Distance(VerdictThresholds t) => Math.Abs(t.Support - 0.5) + Math.Abs(t.Refute - 0.5);
}
