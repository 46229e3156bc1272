namespace TruthGraph.Web.Services;

/// <summary>
/// What the sweep charts draw, one entry per measured batch size in ascending order: throughput and peak memory, and
/// the recommended size's point on its own series (null elsewhere) so the chart shows it as a separate marker/colour.
/// </summary>
public sealed record SweepChartData(
    IReadOnlyList<int> BatchSizes, IReadOnlyList<string> Labels, IReadOnlyList<double> Throughput, IReadOnlyList<double> PeakMemoryMiB,
    int? RecommendedIndex, IReadOnlyList<double?> RecommendedThroughput, IReadOnlyList<double?> RecommendedMemoryMiB,
    IReadOnlyList<double?> OtherMemoryMiB)
{
    public const string RecommendedMark = "★";

    public bool IsEmpty => BatchSizes.Count == 0;

    /// <summary>
    /// Maps steps (in any order; a size measured twice keeps its last step, as when live events and the final report
    /// overlap) and the recommended batch size, which is marked only when one of the steps measured it.
    /// </summary>
    public static SweepChartData From(IEnumerable<SweepStepView> steps, int? recommendedBatchSize)
    {
        var ordered = steps.GroupBy(s => s.BatchSize).Select(g => g.Last()).OrderBy(s => s.BatchSize).ToList();
        var index = ordered.FindIndex(s => s.BatchSize == recommendedBatchSize);
        int? recommended = index >= 0 ? index : null;
        var memory = ordered.Select(s => Math.Round(s.PeakMemoryBytes / (1024.0 * 1024.0), 1)).ToList();
        var throughput = ordered.Select(s => Math.Round(s.ItemsPerSecond, 1)).ToList();
        return new SweepChartData(
            ordered.Select(s => s.BatchSize).ToList(),
            ordered.Select((s, i) => i == recommended ? $"{s.BatchSize} {RecommendedMark}" : s.BatchSize.ToString()).ToList(),
            throughput,
            memory,
            recommended,
            throughput.Select((v, i) => i == recommended ? v : (double?)null).ToList(),
            memory.Select((v, i) => i == recommended ? v : (double?)null).ToList(),
            memory.Select((v, i) => i == recommended ? (double?)null : v).ToList());
    }
}
