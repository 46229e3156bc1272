using System.Diagnostics;
using System.Threading.Channels;

namespace TruthGraph.Inference.Batching;

/// <summary>One caller's share of a coalesced batch, with the queue wait it saw.</summary>
public sealed record BatchMember(ActivityContext Caller, TimeSpan QueueWait, int Items);

/// <summary>
/// Coalesces concurrent requests into one batch: requests that queue while a batch runs form the next one; when the
/// last batch had several requests, the first waits at most <c>maxWait</c> for more; a batch closes once it holds
/// <c>coalescingCap</c> items. Requests of <c>coalescingCap</c> items or more skip the queue and run alone when a slot
/// frees. Up to <c>concurrency</c> batches run at once; when nothing runs and nothing queues, a request runs at once on
/// the caller's thread (a lone caller pays no hand-off between threads).
/// Generic over input and output so that embeddings and pair classification share it.
/// </summary>
public sealed class MicroBatcher<TIn, TOut> : IAsyncDisposable
{
    public delegate TOut[] BatchExecutor(IReadOnlyList<TIn> items, IReadOnlyList<BatchMember> members);

    private sealed record Pending(TIn[] Items, TaskCompletionSource<TOut[]> Result, Activity? Caller, long EnqueuedAt);

    // The multi-reader kind, because it can Count, which the fast path needs.
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly BatchExecutor _execute;
    private readonly Func<int> _coalescingCap;
    private readonly TimeSpan _maxWait;
    private readonly Task _consumer;
    private readonly SemaphoreSlim _slot;
    private readonly SemaphoreSlim _alone;
    private readonly int _concurrency;
    private volatile bool _consumerWaiting;
    private int _lastBatchRequests;

    /// <param name="coalescingCap">Most items one coalesced batch takes (not the ONNX run size: the executor splits a batch
    /// into runs). Read before each batch, so a size changed at run time applies at once.</param>
    /// <param name="concurrency">Batches that may run at once (one per session): the next batch gathers while one runs,
    /// so no core idles between batches.</param>
    public MicroBatcher(BatchExecutor execute, Func<int> coalescingCap, TimeSpan maxWait, int concurrency = 1)
    {
        _concurrency = Math.Max(1, concurrency);
        _slot = new SemaphoreSlim(_concurrency, _concurrency);
        _alone = new SemaphoreSlim(_concurrency, _concurrency);
        _execute = execute;
        _coalescingCap = coalescingCap;
        _maxWait = maxWait;
        _consumer = Task.Factory.StartNew(ConsumeAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    /// <summary>Through the queue when <paramref name="coalesce"/> (the model's micro-batching setting), else alone.</summary>
    public Task<TOut[]> RunAsync(IReadOnlyList<TIn> items, bool coalesce, CancellationToken cancellationToken) =>
        coalesce ? SubmitAsync(items as TIn[] ?? items.ToArray(), cancellationToken) : RunAloneAsync(items, cancellationToken);

    /// <summary>
    /// Runs the items as a batch of their own, with no queue (micro-batching off). Callers beyond the concurrency wait
    /// here asynchronously rather than blocking thread-pool threads on the session pool.
    /// </summary>
    public async Task<TOut[]> RunAloneAsync(IReadOnlyList<TIn> items, CancellationToken cancellationToken)
    {
        var queued = Stopwatch.GetTimestamp();
        await _alone.WaitAsync(cancellationToken);
        try
        {
            var wait = Stopwatch.GetElapsedTime(queued);
            TagCaller(Activity.Current, wait, items.Count);
            return _execute(items, [new BatchMember(Activity.Current?.Context ?? default, wait, items.Count)]);
        }
        finally
        {
            _alone.Release();
        }
    }

    public Task<TOut[]> SubmitAsync(TIn[] items, CancellationToken cancellationToken)
    {
        if (items.Length == 0)
        {
            return Task.FromResult(Array.Empty<TOut>());
        }
        var caller = Activity.Current;
        if (items.Length >= _coalescingCap())
        {
            return RunFullBatchAsync(items, caller, cancellationToken);
        }
        if (_queue.Reader.Count == 0 && !_consumerWaiting && _slot.Wait(0))
        {
            try
            {
                TagCaller(caller, TimeSpan.Zero, items.Length);
                return Task.FromResult(_execute(items, [new BatchMember(caller?.Context ?? default, TimeSpan.Zero, items.Length)]));
            }
            catch (Exception ex)
            {
                return Task.FromException<TOut[]>(ex);
            }
            finally
            {
                _lastBatchRequests = 1;
                _slot.Release();
            }
        }
        var pending = new Pending(items, new TaskCompletionSource<TOut[]>(TaskCreationOptions.RunContinuationsAsynchronously),
            caller, Stopwatch.GetTimestamp());
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(MicroBatcher<TIn, TOut>), "The model was unloaded.");
        }
        // A cancelled caller stops waiting; its texts still run with the batch they joined.
        return pending.Result.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// A request that fills a batch by itself runs as one, in turn with the queued batches: it waits for a slot
    /// asynchronously. Running it straight away used to block its thread-pool thread on the session pool whenever the
    /// sessions were busy; under 16 concurrent verify calls (10 NLI pairs each) that starved the pool and gave 1% of the
    /// calls a 0.8-1 s stall while the runtime injected threads.
    /// </summary>
    private async Task<TOut[]> RunFullBatchAsync(TIn[] items, Activity? caller, CancellationToken cancellationToken)
    {
        var queued = Stopwatch.GetTimestamp();
        await _slot.WaitAsync(cancellationToken);
        try
        {
            var wait = Stopwatch.GetElapsedTime(queued);
            TagCaller(caller, wait, items.Length);
            return _execute(items, [new BatchMember(caller?.Context ?? default, wait, items.Length)]);
        }
        finally
        {
            _slot.Release();
        }
    }

    private async Task ConsumeAsync()
    {
        var reader = _queue.Reader;
        Pending? carried = null;
        while (carried is not null || await reader.WaitToReadAsync())
        {
            _consumerWaiting = true;
            await _slot.WaitAsync();
            _consumerWaiting = false;
            var batch = new List<Pending>();
            var limit = _coalescingCap();
            var count = 0;
            if (carried is not null)
            {
                batch.Add(carried);
                count = carried.Items.Length;
                carried = null;
            }
            // Waiting for company only pays when there is concurrency; a lone caller would just lose the wait.
            var wait = _lastBatchRequests > 1 ? _maxWait : TimeSpan.Zero;
            var deadline = Stopwatch.GetTimestamp() + (long)(wait.TotalSeconds * Stopwatch.Frequency);
            while (count < limit)
            {
                if (reader.TryRead(out var next))
                {
                    if (count > 0 && count + next.Items.Length > limit)
                    {
                        carried = next;
                        break;
                    }
                    batch.Add(next);
                    count += next.Items.Length;
                    continue;
                }
                var remaining = deadline - Stopwatch.GetTimestamp();
                if (remaining <= 0 || !await WaitForMoreAsync(reader, TimeSpan.FromSeconds(remaining / (double)Stopwatch.Frequency)))
                {
                    break;
                }
            }
            _lastBatchRequests = batch.Count;
            if (_slot.CurrentCount == 0 || batch.Count == 0)
            {
                // No other batch may start before this one ends: run it here.
                Run(batch);
                _slot.Release();
            }
            else
            {
                _ = Task.Run(() =>
                {
                    Run(batch);
                    _slot.Release();
                });
            }
        }
    }

    private static async Task<bool> WaitForMoreAsync(ChannelReader<Pending> reader, TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return await reader.WaitToReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Run(List<Pending> batch)
    {
        var now = Stopwatch.GetTimestamp();
        var total = batch.Sum(p => p.Items.Length);
        var items = new List<TIn>(total);
        var members = new BatchMember[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            items.AddRange(batch[i].Items);
            var wait = Stopwatch.GetElapsedTime(batch[i].EnqueuedAt, now);
            members[i] = new BatchMember(batch[i].Caller?.Context ?? default, wait, batch[i].Items.Length);
            TagCaller(batch[i].Caller, wait, total);
        }
        try
        {
            var results = _execute(items, members);
            var offset = 0;
            foreach (var pending in batch)
            {
                pending.Result.TrySetResult(results[offset..(offset + pending.Items.Length)]);
                offset += pending.Items.Length;
            }
        }
        catch (Exception ex)
        {
            foreach (var pending in batch)
            {
                pending.Result.TrySetException(ex);
            }
        }
    }

    // The caller's own span shows how long it queued and the size of the batch it joined; the batch span links back.
    internal static void TagCaller(Activity? caller, TimeSpan wait, int batchSize)
    {
        caller?.SetTag("truthgraph.queue.wait_ms", wait.TotalMilliseconds);
        caller?.SetTag("truthgraph.batch.size", batchSize);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _consumer;
        // Batches still running hold slots; taking them all means they have finished.
        for (var i = 0; i < _concurrency; i++)
        {
            await _slot.WaitAsync();
            await _alone.WaitAsync();
        }
    }
}
