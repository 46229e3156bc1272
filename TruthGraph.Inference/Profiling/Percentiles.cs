namespace TruthGraph.Inference.Profiling;

/// <summary>Nearest-rank percentiles: always a value that was observed.</summary>
public static class Percentiles
{
    public static double Of(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToArray();
        return Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)], 3);
    }
}
