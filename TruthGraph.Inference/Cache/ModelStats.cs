namespace TruthGraph.Inference.Cache;

/// <summary>Counters of one model, kept across unload and reload. Updated lock-free from batch threads.</summary>
public sealed class ModelStats
{
    private long _requests;
    private long _items;
    private long _tokens;
    private long _truncated;
    private long _batches;
    private long _runs;
    private long _loads;
    private long _lastUsedTicks;
    private long _lastLoadMicroseconds;

    public long Requests => Interlocked.Read(ref _requests);
    public long Items => Interlocked.Read(ref _items);
    public long Tokens => Interlocked.Read(ref _tokens);
    public long TruncatedItems => Interlocked.Read(ref _truncated);
    /// <summary>Micro-batches (or direct calls) executed.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>ONNX Runtime runs: a batch is cut into runs of at most the batch size.</summary>
    public long Runs => Interlocked.Read(ref _runs);
    public long Loads => Interlocked.Read(ref _loads);
    public double? LastLoadMilliseconds => Interlocked.Read(ref _lastLoadMicroseconds) is var us and > 0 ? us / 1000.0 : null;

    public DateTimeOffset? LastUsed =>
        Interlocked.Read(ref _lastUsedTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public void RecordRequest()
    {
        Interlocked.Increment(ref _requests);
        Interlocked.Exchange(ref _lastUsedTicks, DateTimeOffset.UtcNow.UtcTicks);
    }

    public void RecordBatch(int items, long tokens, int truncated, int runs)
    {
        Interlocked.Increment(ref _batches);
        Interlocked.Add(ref _runs, runs);
        Interlocked.Add(ref _items, items);
        Interlocked.Add(ref _tokens, tokens);
        Interlocked.Add(ref _truncated, truncated);
        Interlocked.Exchange(ref _lastUsedTicks, DateTimeOffset.UtcNow.UtcTicks);
    }

    public void RecordLoad(TimeSpan duration)
    {
        Interlocked.Increment(ref _loads);
        Interlocked.Exchange(ref _lastLoadMicroseconds, Math.Max(1, (long)(duration.TotalMilliseconds * 1000)));
    }
}
