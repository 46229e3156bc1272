using System.Globalization;

namespace TruthGraph.Inference.Profiling;

/// <summary>
/// Picks the batch size a sweep recommends: the smallest one within <see cref="Tolerance"/> of the best measured
/// throughput. A smaller batch that is nearly as fast is the better choice: less latency per call, less memory, and
/// less padding with mixed text lengths. Steps that crossed the memory limit are never recommended.
/// </summary>
public static class SweepAdvisor
{
    public const double Tolerance = 0.05;

    public static SweepRecommendation? Recommend(IReadOnlyList<SweepStep> steps, int currentBatchSize, string unit, string? stopReason,
        double? loadAverage = null, int cores = 0)
    {
        var usable = steps.Where(s => !s.CrossedLimit && s.Calls > 0).ToList();
        if (usable.Count == 0)
        {
            return null;
        }
        var best = usable.MaxBy(s => s.ItemsPerSecond)!;
        var chosen = usable.Where(s => s.ItemsPerSecond >= (1 - Tolerance) * best.ItemsPerSecond).MinBy(s => s.BatchSize)!;
        var current = usable.FirstOrDefault(s => s.BatchSize == currentBatchSize);

        var why = F($"batch {chosen.BatchSize}: {chosen.ItemsPerSecond:F1} {unit}/s, p95 {chosen.P95Ms:F1} ms per call of {chosen.ItemsPerCall}");
        if (chosen == best)
        {
            why += ", the highest throughput measured";
        }
        else
        {
            var memory = (best.PeakMemoryBytes - chosen.PeakMemoryBytes) / 1048576.0;
            why += F($", {100 * chosen.ItemsPerSecond / best.ItemsPerSecond:F0}% of the best (batch {best.BatchSize}: {best.ItemsPerSecond:F1} {unit}/s, p95 {best.P95Ms:F1} ms)");
            why += memory > 0.5 ? F($" with {memory:F0} MiB less peak memory") : "";
            why += "; the smaller batch wins within 5%";
        }
        double? speedup = current is null ? null : Math.Round(chosen.ItemsPerSecond / current.ItemsPerSecond, 3);
        why += current is null
            ? F($"; the current batch {currentBatchSize} was not in the sweep")
            : chosen == current
                ? "; it is already the batch size in use"
                : F($"; {speedup:F2}× the current batch {currentBatchSize} ({current.ItemsPerSecond:F1} {unit}/s)");
        if (stopReason is not null)
        {
            why += F($"; larger batches were not measured ({stopReason})");
        }
        if (loadAverage is { } load && cores > 0 && load > cores)
        {
            why += F($"; measured under a load average of {load:F1} on {cores} cores, so other work shared them: repeat on a quiet machine before applying");
        }
        return new SweepRecommendation(chosen.BatchSize, chosen.ItemsPerSecond, speedup, why);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
