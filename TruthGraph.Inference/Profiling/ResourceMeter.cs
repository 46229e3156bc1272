using System.Diagnostics;

namespace TruthGraph.Inference.Profiling;

/// <summary>What this process has used so far: the counters a profile subtracts to get one component's cost.</summary>
public readonly record struct ResourceSnapshot(long Timestamp, TimeSpan CpuTime, long AllocatedBytes, int Gen0, int Gen1, int Gen2,
    long WorkingSetBytes, long? GpuMemoryBytes)
{
    public static ResourceSnapshot Take(GpuMemory gpu)
    {
        using var process = Process.GetCurrentProcess();
        return new ResourceSnapshot(Stopwatch.GetTimestamp(), process.TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: false),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), Environment.WorkingSet, gpu.UsedBytes());
    }
}

/// <summary>
/// One component's cost between two snapshots. CPU time is the whole process's (ONNX Runtime's own threads included,
/// which is the point: most of the work happens there); allocations are managed bytes only.
/// </summary>
public sealed record ResourceUsage(
    double WallMs, double CpuMs, long AllocatedBytes, int Gen0Collections, int Gen1Collections, int Gen2Collections,
    long WorkingSetBytes, long WorkingSetDeltaBytes, long PeakWorkingSetBytes, long? GpuMemoryBytes, long? GpuMemoryDeltaBytes)
{
    public static ResourceUsage Between(ResourceSnapshot start, ResourceSnapshot end, long peakWorkingSet) => new(
        Math.Round(Stopwatch.GetElapsedTime(start.Timestamp, end.Timestamp).TotalMilliseconds, 3),
        Math.Round((end.CpuTime - start.CpuTime).TotalMilliseconds, 3),
        end.AllocatedBytes - start.AllocatedBytes,
        end.Gen0 - start.Gen0, end.Gen1 - start.Gen1, end.Gen2 - start.Gen2,
        end.WorkingSetBytes, end.WorkingSetBytes - start.WorkingSetBytes, Math.Max(peakWorkingSet, end.WorkingSetBytes),
        end.GpuMemoryBytes, end.GpuMemoryBytes - start.GpuMemoryBytes);
}
