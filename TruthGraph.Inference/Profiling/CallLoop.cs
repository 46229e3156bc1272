using System.Diagnostics;
using TruthGraph.ServiceDefaults.Measurement;

namespace TruthGraph.Inference.Profiling;

/// <summary>What a run of timed calls measured: latencies, resource use, and the memory peaks seen while it ran.</summary>
public sealed record MeasuredCalls(int Calls, int Items, IReadOnlyList<double> LatenciesMs, ResourceUsage Usage, long PeakWatchedBytes,
    long PeakWorkingSetBytes, long? PeakGpuBytes, bool CrossedLimit)
{
    public double ItemsPerSecond => Usage.WallMs > 0 ? Math.Round(Items / (Usage.WallMs / 1000), 2) : 0;
    public double P50Ms => Percentile(0.50);
    public double P95Ms => Percentile(0.95);

    /// <summary>The relative standard deviation of the calls' throughput (items per second of each call); 0 below two calls.</summary>
    public double ThroughputSpread
    {
        get
        {
            var perSecond = LatenciesMs.Where(ms => ms > 0).Select(ms => 1000 / ms).ToList();
            if (perSecond.Count < 2)
            {
                return 0;
            }
            var mean = perSecond.Average();
            var variance = perSecond.Sum(x => (x - mean) * (x - mean)) / (perSecond.Count - 1);
            return Math.Round(Math.Sqrt(variance) / mean, 4);
        }
    }

    private double Percentile(double p) => Math.Round(NearestRank.Percentile(LatenciesMs.Order().ToArray(), p), 3);
}

/// <summary>Where a measurement's memory limit applies: GPU memory for a model on CUDA (when readable), else the working set.</summary>
public sealed record MemoryLimit(GpuMemory Gpu, bool OnGpu, long Bytes)
{
    public static MemoryLimit None(GpuMemory gpu, bool onGpu) => new(gpu, onGpu, long.MaxValue);

    public MemoryWatch Watch() => new(Gpu, OnGpu, Bytes);
}

/// <summary>
/// Calls a workload again and again with the same number of items for about <c>duration</c>: at least
/// <c>minCalls</c> times, at most three times the duration once one call is done, and no further once the memory limit
/// is crossed. The first call of a shape runs untimed (ONNX Runtime plans a new input shape on first sight), but
/// inside the memory watch, so that its allocations count.
/// </summary>
public static class CallLoop
{
    public static async Task<MeasuredCalls> RunAsync(ModelWorkload workload, int itemsPerCall, TimeSpan duration, int minCalls,
        MemoryLimit limit, bool warmCall, CancellationToken cancellationToken)
    {
        using var watch = limit.Watch();
        var offset = 0;
        if (warmCall)
        {
            await workload.RunAsync(offset, itemsPerCall, cancellationToken);
            offset += itemsPerCall;
        }
        var latencies = new List<double>();
        var start = ResourceSnapshot.Take(limit.Gpu);
        var clock = Stopwatch.StartNew();
        while (!watch.LimitCrossed)
        {
            var elapsed = clock.Elapsed;
            if ((elapsed >= duration && latencies.Count >= minCalls) || (elapsed >= 3 * duration && latencies.Count > 0))
            {
                break;
            }
            cancellationToken.ThrowIfCancellationRequested();
            var started = Stopwatch.GetTimestamp();
            await workload.RunAsync(offset, itemsPerCall, cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            offset = (offset + itemsPerCall) % workload.Count;
        }
        var end = ResourceSnapshot.Take(limit.Gpu);
        watch.Dispose();
        return new MeasuredCalls(latencies.Count, latencies.Count * itemsPerCall, latencies,
            ResourceUsage.Between(start, end, watch.PeakWorkingSetBytes), watch.PeakWatchedBytes, watch.PeakWorkingSetBytes,
            watch.PeakGpuBytes, watch.LimitCrossed);
    }
}
