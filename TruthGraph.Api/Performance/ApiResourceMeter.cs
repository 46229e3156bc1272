namespace TruthGraph.Api.Performance;

/// <summary>The API process's counters before and after a component runs here (retrieval, aggregation): wall and CPU time, allocations, GCs, memory.</summary>
public readonly record struct ApiResourceMeter(long Timestamp, TimeSpan Cpu, long Allocated, int Gen0, int Gen1, int Gen2, long WorkingSet)
{
    public static ApiResourceMeter Start()
    {
        using var process = Process.GetCurrentProcess();
        return new ApiResourceMeter(Stopwatch.GetTimestamp(), process.TotalProcessorTime, GC.GetTotalAllocatedBytes(false), GC.CollectionCount(0),
            GC.CollectionCount(1), GC.CollectionCount(2), Environment.WorkingSet);
    }

    public ResourceUsage Stop()
    {
        var end = Start();
        return new ResourceUsage(Math.Round(Stopwatch.GetElapsedTime(Timestamp, end.Timestamp).TotalMilliseconds, 3),
            Math.Round((end.Cpu - Cpu).TotalMilliseconds, 3), end.Allocated - Allocated, end.Gen0 - Gen0, end.Gen1 - Gen1, end.Gen2 - Gen2,
            end.WorkingSet, end.WorkingSet - WorkingSet, Math.Max(end.WorkingSet, WorkingSet), null, null);
    }
}
