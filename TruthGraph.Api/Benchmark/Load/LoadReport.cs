using System.Globalization;
using System.Text;

namespace TruthGraph.Api.Benchmark.Load;

/// <summary>
/// What a load run measured: successes, latency percentiles, throughput and memory trend per process over the measured
/// part; errors over the warm-up and the measured part together.
/// </summary>
public sealed record LoadReport(
    int Clients, double WarmUpSeconds, double Seconds, long Succeeded, long Failed, IReadOnlyDictionary<string, int> ErrorsByKind, IReadOnlyList<string> ErrorSamples,
    long CachedAnswers, double RequestsPerSecond, Percentiles LatencyMs, IReadOnlyList<MemoryTrend> Memory, bool UniqueClaims)
{
    public string ToText()
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"POST /api/verify, {Clients} clients, {Seconds:F1} s measured after {WarmUpSeconds:F0} s of warm-up, {(UniqueClaims ? "every claim new (no cache hits)" : "claims repeat (cache hits)")}");
        text.AppendLine(inv, $"  requests   {Succeeded} ok, {Failed} errors{(Failed > 0 ? " (" + string.Join(", ", ErrorsByKind.Select(e => $"{e.Key}: {e.Value}")) + ")" : "")}, {CachedAnswers} answered from the cache");
        text.AppendLine(inv, $"  throughput {RequestsPerSecond:F1} verifications/s");
        text.AppendLine(inv, $"  latency    p50 {LatencyMs.P50:F1} ms, p95 {LatencyMs.P95:F1} ms, p99 {LatencyMs.P99:F1} ms, max {LatencyMs.Max:F1} ms, mean {LatencyMs.Mean:F1} ms");
        foreach (var m in Memory)
        {
            text.AppendLine(inv,
                $"  memory     {m.Name} (pid {m.ProcessId}): {m.StartMb:F0} → {m.EndMb:F0} MB (min {m.MinMb:F0}, max {m.MaxMb:F0}), trend {m.SlopeMbPerMinute:+0.0;-0.0} MB/min ({m.FittedGrowthMb:+0.0;-0.0} MB), {m.Samples} samples");
        }
        foreach (var m in Memory.Where(m => m.Series.Count > 0))
        {
            var every = Math.Max(1, m.Series.Count / 12);
            var points = string.Join("  ", m.Series.Where((_, i) => i % every == 0).Select(p => string.Create(inv, $"{p[0]:F0}s:{p[1]:F0}")));
            text.AppendLine(inv, $"  {m.Name} MB  {points}");
        }
        foreach (var sample in ErrorSamples)
        {
            text.AppendLine(inv, $"  error      {sample}");
        }
        return text.ToString();
    }
}
