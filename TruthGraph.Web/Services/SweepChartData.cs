namespace TruthGraph.Web.Services;

/// <summary>
/// What the sweep charts draw, one entry per measured batch size in ascending order: throughput and peak memory, and
/// the recommended size's point on its own series (null elsewhere) so the chart shows it as a separate marker/colour.
/// </summary>
public sealed record SweepChartData(
    IReadOnlyList<int> BatchSizes, IReadOnlyList<string> Labels, IReadOnlyList<double> Throughput, IReadOnlyList<double> PeakMemoryMiB,
    int? RecommendedIndex, IReadOnlyList<double?> RecommendedThroughput, IReadOnlyList<double?> RecommendedMemoryMiB)
{
    public const string RecommendedMark = "★";

    /// <summary>About this many labels on a value axis: enough to read a value off, few enough not to crowd 260 px.</summary>
    public const int ValueAxisTicks = 5;

    /// <summary>The least span an axis covers, as a share of its largest value, so that noise does not read as a trend.</summary>
    public const double MinimumRelativeSpan = 0.05;

    public bool IsEmpty => BatchSizes.Count == 0;

    /// <summary>The throughput axis's tick interval (MudBlazor's <c>YAxisTicks</c> is a spacing in data units, not a count).</summary>
    public int ThroughputTickStep => TickStep(Throughput);

    public int MemoryTickStep => TickStep(PeakMemoryMiB);

    /// <summary>
    /// The round interval (1, 2 or 5 times a power of ten) nearest to splitting the values' range into about
    /// <see cref="ValueAxisTicks"/> ticks. The line charts scale to the data, so the range, not the maximum, sets it:
    /// peak memory of 900–1,100 MiB needs 50 MiB steps, a throughput of 20–64 items/s 10.
    /// </summary>
    public static int TickStep(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return 1;
        }
        // A span of at least 5 % of the values: scaled to a 2 MiB range, 1,260 and 1,262 MiB of working set would
        // look like a steep climb when the memory hardly moved.
        var span = Math.Max(values.Max() - values.Min(), MinimumRelativeSpan * Math.Abs(values.Max()));
        var raw = span / (ValueAxisTicks - 1);
        if (raw <= 1)
        {
            return 1;
        }
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 5, 10 }.Select(f => f * magnitude).MinBy(candidate => Math.Abs(Math.Log(candidate / raw)));
        return (int)Math.Ceiling(step);
    }

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
            memory.Select((v, i) => i == recommended ? v : (double?)null).ToList());
    }
}
