using TruthGraph.ServiceDefaults.Measurement;

namespace TruthGraph.Api.Evaluation;

/// <summary>Mean, p50, p95 and max of a set of milliseconds.</summary>
public sealed record LatencySummary(int Count, double Mean, double P50, double P95, double Max)
{
    public static LatencySummary Of(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return sorted.Length == 0
            ? new LatencySummary(0, 0, 0, 0, 0)
            : new LatencySummary(sorted.Length, Math.Round(sorted.Average(), 2), Math.Round(NearestRank.Percentile(sorted, 0.50), 2),
                Math.Round(NearestRank.Percentile(sorted, 0.95), 2), Math.Round(sorted[^1], 2));
    }

    public override string ToString() => $"mean {Mean,7:F1}  p50 {P50,7:F1}  p95 {P95,7:F1}  max {Max,7:F1} ms";
}
