namespace TruthGraph.Api.Calibration;

/// <summary>
/// Temperature scaling (Guo et al. 2017): p' = softmax(z / T), where z are the offset-adjusted logits. The inference
/// service returns p = softmax(z) after the offsets, and log p differs from z by a constant per pair, so
/// softmax(log p / T) is the same p' and the probabilities are all that is needed. Dividing every logit by one positive
/// number keeps their order, so each pair's label (argmax) never changes; only how sure the model sounds does.
/// </summary>
/// <remarks>
/// The fit is a one-parameter minimisation of the mean negative log-likelihood, which is convex in 1/T: a golden-section
/// search on log T is exact enough, needs no optimiser library, and is a dozen lines that a reader can check.
/// </remarks>
public static class TemperatureScaling
{
    public const double MinTemperature = 0.05;
    public const double MaxTemperature = 20;

    /// <summary>The probabilities at temperature <paramref name="temperature"/> (1 leaves them as they are).</summary>
    public static (double Entailment, double Neutral, double Contradiction) Apply(
        double entailment, double neutral, double contradiction, double temperature)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(temperature);
        if (temperature == 1)
        {
            return (entailment, neutral, contradiction);
        }
        var e = Scaled(entailment, temperature);
        var n = Scaled(neutral, temperature);
        var c = Scaled(contradiction, temperature);
        var max = Math.Max(e, Math.Max(n, c));
        e = Math.Exp(e - max);
        n = Math.Exp(n - max);
        c = Math.Exp(c - max);
        var sum = e + n + c;
        return (e / sum, n / sum, c / sum);
    }

    public static LabelledProbabilities Apply(LabelledProbabilities pair, double temperature)
    {
        var (e, n, c) = Apply(pair.Entailment, pair.Neutral, pair.Contradiction, temperature);
        return pair with { Entailment = e, Neutral = n, Contradiction = c };
    }

    /// <summary>Mean negative log-likelihood of the gold labels at <paramref name="temperature"/>.</summary>
    public static double NegativeLogLikelihood(IReadOnlyList<LabelledProbabilities> pairs, double temperature)
    {
        double sum = 0;
        foreach (var pair in pairs)
        {
            sum -= Math.Log(Math.Max(Apply(pair, temperature)[pair.Gold], 1e-300));
        }
        return sum / pairs.Count;
    }

    /// <summary>The temperature in [<see cref="MinTemperature"/>, <see cref="MaxTemperature"/>] that minimises the NLL.</summary>
    public static double Fit(IReadOnlyList<LabelledProbabilities> pairs, double tolerance = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0)
        {
            throw new ArgumentException("A temperature needs at least one labelled pair.", nameof(pairs));
        }
        var ratio = (Math.Sqrt(5) - 1) / 2;
        double low = Math.Log(MinTemperature), high = Math.Log(MaxTemperature);
        var a = high - ratio * (high - low);
        var b = low + ratio * (high - low);
        var lossA = NegativeLogLikelihood(pairs, Math.Exp(a));
        var lossB = NegativeLogLikelihood(pairs, Math.Exp(b));
        while (high - low > tolerance)
        {
            if (lossA <= lossB)
            {
                high = b;
                b = a;
                lossB = lossA;
                a = high - ratio * (high - low);
                lossA = NegativeLogLikelihood(pairs, Math.Exp(a));
            }
            else
            {
                low = a;
                a = b;
                lossA = lossB;
                b = low + ratio * (high - low);
                lossB = NegativeLogLikelihood(pairs, Math.Exp(b));
            }
        }
        return Math.Exp((low + high) / 2);
    }

    // A probability of 0 has logit −∞; a floor keeps it the smallest without NaN.
    private static double Scaled(double probability, double temperature) => Math.Log(Math.Max(probability, 1e-300)) / temperature;
}
