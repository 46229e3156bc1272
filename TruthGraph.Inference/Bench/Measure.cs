using System.Diagnostics;
using TruthGraph.Inference.Embeddings;
using TruthGraph.ServiceDefaults.Measurement;

namespace TruthGraph.Inference.Bench;

/// <param name="CpuTime">Processor time the process used meanwhile (all threads): on a shared machine, work per text is less
/// disturbed by other processes than wall-clock time is.</param>
public sealed record ThroughputResult(int BatchSize, int Texts, TimeSpan Elapsed, TimeSpan CpuTime)
{
    public double TextsPerSecond => Texts / Elapsed.TotalSeconds;

    public double TextsPerCpuSecond => Texts / Math.Max(CpuTime.TotalSeconds, 1e-9);
}

public sealed record LatencyResult(int Callers, bool MicroBatching, int Requests, TimeSpan Elapsed, double P50Ms, double P95Ms)
{
    public double TextsPerSecond => Requests / Elapsed.TotalSeconds;
}

/// <summary>The timing loops of the bench command.</summary>
public static class Measure
{
    /// <summary>All texts, fed in chunks of <paramref name="batchSize"/>, one chunk after another.</summary>
    public static ThroughputResult Chunked(IReadOnlyList<string> texts, int batchSize, Action<string[]> encode)
    {
        var chunks = texts.Chunk(batchSize).ToList();
        encode(chunks[0]); // not timed: first call of this shape
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var chunk in chunks)
        {
            encode(chunk);
        }
        var elapsed = clock.Elapsed;
        process.Refresh();
        return new ThroughputResult(batchSize, texts.Count, elapsed, process.TotalProcessorTime - cpuBefore);
    }

    /// <summary><paramref name="callers"/> loops, each sending one text per request, for <paramref name="duration"/>.</summary>
    public static async Task<LatencyResult> ConcurrentCallersAsync(IEmbeddingModel model, IReadOnlyList<string> texts, int callers,
        bool microBatching, TimeSpan duration)
    {
        var latencies = new List<double>[callers];
        var next = -1;
        var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        var loops = Enumerable.Range(0, callers).Select(c => Task.Run(async () =>
        {
            var mine = latencies[c] = [];
            while (Stopwatch.GetTimestamp() < stop)
            {
                var text = texts[(int)((uint)Interlocked.Increment(ref next) % texts.Count)];
                var started = Stopwatch.GetTimestamp();
                await model.EmbedAsync([text], CancellationToken.None);
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })).ToArray();
        await Task.WhenAll(loops);
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LatencyResult(callers, microBatching, all.Length, elapsed, NearestRank.Percentile(all, 0.50), NearestRank.Percentile(all, 0.95));
    }
}
