using System.Globalization;

namespace TruthGraph.Inference.Profiling;

/// <summary>
/// Picks the batch size a sweep recommends: the smallest one within <see cref="Tolerance"/> of the best measured
/// throughput. A smaller batch that is nearly as fast is the better choice: less latency per call, less memory, and
/// less padding with mixed text lengths. Steps that crossed the memory limit are never recommended. A change from the
/// batch size in use is recommended only when its gain exceeds the run-to-run spread the sweep measured (the larger
/// of the two steps' <see cref="SweepStep.ThroughputSpread"/>): a 1.00× "gain" is noise, and applying it would only
/// churn the setting.
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
        if (current is not null && chosen != current && KeepsCurrent(chosen, current, unit) is { } keep)
        {
            return WithContext(keep, stopReason, loadAverage, cores);
        }

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
        return WithContext(new SweepRecommendation(chosen.BatchSize, chosen.ItemsPerSecond, speedup, why), stopReason, loadAverage, cores);
    }

    /// <summary>
    /// The recommendation to keep <paramref name="current"/> when <paramref name="candidate"/> does not beat it by more
    /// than the measured spread; null when the gain is real.
    /// </summary>
    private static SweepRecommendation? KeepsCurrent(SweepStep candidate, SweepStep current, string unit)
    {
        var ratio = candidate.ItemsPerSecond / current.ItemsPerSecond;
        var spread = Math.Max(candidate.ThroughputSpread, current.ThroughputSpread);
        if (ratio - 1 > spread)
        {
            return null;
        }
        var why = F($"keep {current.BatchSize}: {candidate.BatchSize} is {ratio:F2}× (within the ±{Percent(spread)} run-to-run spread)");
        why += F($"; batch {current.BatchSize}: {current.ItemsPerSecond:F1} {unit}/s, p95 {current.P95Ms:F1} ms per call of {current.ItemsPerCall}");
        why += F($"; batch {candidate.BatchSize}: {candidate.ItemsPerSecond:F1} {unit}/s, p95 {candidate.P95Ms:F1} ms");
        why += "; a change is recommended only when its gain exceeds the spread";
        return new SweepRecommendation(current.BatchSize, current.ItemsPerSecond, 1.0, why);
    }

    private static SweepRecommendation WithContext(SweepRecommendation recommendation, string? stopReason, double? loadAverage, int cores)
    {
        var why = recommendation.Justification;
        if (stopReason is not null)
        {
            why += F($"; larger batches were not measured ({stopReason})");
        }
        if (loadAverage is { } load && cores > 0 && load > cores)
        {
            why += F($"; measured under a load average of {load:F1} on {cores} cores, so other work shared them: repeat on a quiet machine before applying");
        }
        return recommendation with { Justification = why };
    }

    /// <summary>A spread as a percentage: whole percents, one decimal below 1 % so that a tight spread does not read as none.</summary>
    private static string Percent(double spread) => spread >= 0.01 ? F($"{100 * spread:F0} %") : F($"{100 * spread:F1} %");

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
