using TruthGraph.ServiceDefaults.Measurement;

namespace TruthGraph.Api.Performance;

/// <summary>Per-stage figures of a set of calls: mean, median, p95 (nearest rank), total and share of the grand total.</summary>
public static class StageStatistics
{
    public static StageSummary Summarize(string stage, IReadOnlyList<double> milliseconds, double grandTotalMs)
    {
        if (milliseconds.Count == 0)
        {
            return new StageSummary(stage, 0, 0, 0, 0, 0);
        }
        var sorted = milliseconds.Order().ToArray();
        var total = sorted.Sum();
        return new StageSummary(stage, Round(total / sorted.Length), Round(NearestRank.Percentile(sorted, 0.50)), Round(NearestRank.Percentile(sorted, 0.95)), Round(total),
            grandTotalMs > 0 ? Math.Round(total / grandTotalMs, 4) : 0);
    }

    private static double Round(double ms) => Math.Round(ms, 3);
}
