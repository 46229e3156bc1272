using TruthGraph.NliTraining.Evaluation;

namespace TruthGraph.NliTraining.Training;

/// <summary>
/// Grid search for the log-prob offsets that maximise pair macro-F1 on out-of-fold predictions. Neutral stays at 0
/// (offsets are relative), entailment and contradiction move over [−Range, Range].
/// </summary>
public static class OffsetTuner
{
    public const double Range = 3.0;
    public const double Step = 0.05;

    public static (double[] Offsets, double MacroF1) Tune(IReadOnlyList<float[]> probabilities, IReadOnlyList<int> gold)
    {
        var logs = probabilities.Select(p => p.Select(x => Math.Log(Math.Max(x, 1e-9))).ToArray()).ToArray();
        var steps = (int)Math.Round(2 * Range / Step);
        double[] best = [0, 0, 0];
        var bestF1 = Score(logs, gold, best);
        for (var i = 0; i <= steps; i++)
        {
            for (var j = 0; j <= steps; j++)
            {
                double[] candidate = [-Range + i * Step, 0, -Range + j * Step];
                var f1 = Score(logs, gold, candidate);
                // Among equal scores keep the smaller correction: it is the one least fitted to noise.
                if (f1 > bestF1 + 1e-12 || (Math.Abs(f1 - bestF1) <= 1e-12 && L1(candidate) < L1(best)))
                {
                    best = candidate;
                    bestF1 = f1;
                }
            }
        }
        return (best, bestF1);
    }

    private static double L1(double[] offsets) => offsets.Sum(Math.Abs);

    private static double Score(double[][] logs, IReadOnlyList<int> gold, double[] offsets)
    {
        var matrix = new ConfusionMatrix(offsets.Length);
        for (var n = 0; n < logs.Length; n++)
        {
            var row = logs[n];
            var arg = 0;
            var bestValue = row[0] + offsets[0];
            for (var c = 1; c < row.Length; c++)
            {
                var value = row[c] + offsets[c];
                if (value > bestValue)
                {
                    bestValue = value;
                    arg = c;
                }
            }
            matrix.Add(gold[n], arg);
        }
        return matrix.MacroF1;
    }
}
