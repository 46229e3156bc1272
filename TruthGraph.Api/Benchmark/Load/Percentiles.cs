using TruthGraph.ServiceDefaults.Measurement;

namespace TruthGraph.Api.Benchmark.Load;

/// <summary>Nearest-rank percentiles of a sample (sorted once; a run holds at most a few hundred thousand values).</summary>
public sealed record Percentiles(double P50, double P95, double P99, double Max, double Mean)
{
    public static Percentiles Of(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
        {
            return new Percentiles(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        var sorted = values.Order().ToArray();
        return new Percentiles(NearestRank.Percentile(sorted, 0.50), NearestRank.Percentile(sorted, 0.95),
            NearestRank.Percentile(sorted, 0.99), sorted[^1], sorted.Average());
    }
}
