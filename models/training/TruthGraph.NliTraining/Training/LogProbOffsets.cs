namespace TruthGraph.NliTraining.Training;

/// <summary>
/// Per-class offsets added to the head's log-probabilities before renormalising: adjusted = softmax(log p + o).
/// For a linear soft-max head this is the same as shifting its biases; it corrects the prior that the class
/// weights and the regulariser leave behind. Offsets are relative: only their differences matter, and the
/// tuner keeps the neutral class at 0.
/// </summary>
public static class LogProbOffsets
{
    /// <summary>Probabilities below this are clamped before the log so a hard 0 cannot become −∞.</summary>
    private const double MinProbability = 1e-9;

    public static double[] Apply(ReadOnlySpan<float> probabilities, IReadOnlyList<double> offsets)
    {
        if (probabilities.Length != offsets.Count)
        {
            throw new ArgumentException($"{probabilities.Length} probabilities but {offsets.Count} offsets.");
        }
        var logits = new double[probabilities.Length];
        var max = double.NegativeInfinity;
        for (var i = 0; i < logits.Length; i++)
        {
            logits[i] = Math.Log(Math.Max(probabilities[i], MinProbability)) + offsets[i];
            max = Math.Max(max, logits[i]);
        }
        var sum = 0.0;
        for (var i = 0; i < logits.Length; i++)
        {
            logits[i] = Math.Exp(logits[i] - max);
            sum += logits[i];
        }
        for (var i = 0; i < logits.Length; i++)
        {
            logits[i] /= sum;
        }
        return logits;
    }

    public static int ArgMax(IReadOnlyList<double> values)
    {
        var best = 0;
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }
        return best;
    }
}
