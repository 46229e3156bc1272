namespace TruthGraph.ServiceDefaults.Measurement;

/// <summary>
/// Nearest-rank percentiles: always a value that was observed, never an interpolation between two. The one definition
/// behind every p50/p95/p99 the services, their perf jobs and their command-line tools report.
/// </summary>
public static class NearestRank
{
    /// <summary>The <paramref name="p"/> quantile (0 &lt; p ≤ 1) of values sorted ascending; NaN when there are none.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
