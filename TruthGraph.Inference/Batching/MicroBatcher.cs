using System.Diagnostics;
using System.Threading.Channels;

namespace TruthGraph.Inference.Batching;

/// <summary>One caller's share of a coalesced batch, with the queue wait it saw.</summary>
public sealed record BatchMember(ActivityContext Caller, TimeSpan QueueWait, int Items);

/// <summary>
/// Coalesces concurrent requests into one batch: the first request waits at most <c>maxWait</c> for company, and a
/// batch closes early once it holds <c>maxBatchSize</c> items. Requests of <c>maxBatchSize</c> items or more skip the
/// queue. One consumer runs batches one after another, so the executor may use every core for one batch.
/// Generic over input and output so that embeddings and pair classification share it.
/// </summary>
public sealed class MicroBatcher<TIn, TOut> : IAsyncDisposable
{
    public delegate TOut[] BatchExecutor(IReadOnlyList<TIn> items, IReadOnlyList<BatchMember> members);

    private sealed record Pending(TIn[] Items, TaskCompletionSource<TOut[]> Result, ActivityContext Caller, long EnqueuedAt);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly BatchExecutor _execute;
    private readonly Func<int> _maxBatchSize;
    private readonly TimeSpan _maxWait;
    private readonly Task _consumer;

    /// <param name="maxBatchSize">Read before each batch, so a batch size changed at run time applies at once.</param>
    public MicroBatcher(BatchExecutor execute, Func<int> maxBatchSize, TimeSpan maxWait)
    {
        _execute = execute;
        _maxBatchSize = maxBatchSize;
        _maxWait = maxWait;
        _consumer = Task.Factory.StartNew(ConsumeAsync, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
    }

    public Task<TOut[]> SubmitAsync(TIn[] items, CancellationToken cancellationToken)
    {
        if (items.Length == 0)
        {
            return Task.FromResult(Array.Empty<TOut>());
        }
        var caller = Activity.Current?.Context ?? default;
        if (items.Length >= _maxBatchSize())
        {
            return Task.FromResult(_execute(items, [new BatchMember(caller, TimeSpan.Zero, items.Length)]));
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

    private async Task ConsumeAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>();
        Pending? carried = null;
        while (carried is not null || await reader.WaitToReadAsync())
        {
            batch.Clear();
            var limit = _maxBatchSize();
            var count = 0;
            if (carried is not null)
            {
                batch.Add(carried);
                count = carried.Items.Length;
                carried = null;
            }
            var deadline = Stopwatch.GetTimestamp() + (long)(_maxWait.TotalSeconds * Stopwatch.Frequency);
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
            if (batch.Count > 0)
            {
                Run(batch);
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
        var items = new List<TIn>(batch.Sum(p => p.Items.Length));
        var members = new BatchMember[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            items.AddRange(batch[i].Items);
            members[i] = new BatchMember(batch[i].Caller, Stopwatch.GetElapsedTime(batch[i].EnqueuedAt, now), batch[i].Items.Length);
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

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _consumer;
    }
}
