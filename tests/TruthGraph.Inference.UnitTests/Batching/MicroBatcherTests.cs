using TruthGraph.Inference.Batching;

namespace TruthGraph.Inference.UnitTests.Batching;

public sealed class MicroBatcherTests
{
    [Fact]
    public async Task Requests_queued_while_a_batch_runs_are_coalesced_into_the_next_batch()
    {
        using var batches = new HeldBatches(items => items[0] == 0, i => $"#{i}");
        await using var batcher = new MicroBatcher<int, string>(batches.Execute, () => 64, TimeSpan.Zero);

        // Nothing runs yet, so the first request runs at once (on its own thread here, as it blocks).
        var first = Task.Run(() => batcher.SubmitAsync([0], CancellationToken.None));
        Assert.True(batches.Held.Wait(TimeSpan.FromSeconds(10)), "first running");
        var queued = Enumerable.Range(1, 10).Select(i => batcher.SubmitAsync([i, 100 + i], CancellationToken.None)).ToArray();
        batches.Release.Set();
        Assert.Equal(["#0"], await first.WaitAsync(TimeSpan.FromSeconds(10)));
        var results = await Task.WhenAll(queued).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([1, 20], batches.Sizes);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal([$"#{i + 1}", $"#{101 + i}"], results[i]); // each caller gets its own items back, in order
        }
    }

    [Fact]
    public async Task A_batch_closes_at_the_max_batch_size_and_the_rest_waits_for_the_next()
    {
        using var batches = new HeldBatches(items => items[0] < 0, i => i.ToString());
        // A long max wait: the size limit, not the clock, must close the batches.
        await using var batcher = new MicroBatcher<int, string>(batches.Execute, () => 4, TimeSpan.FromSeconds(30));

        var blocker = Task.Run(() => batcher.SubmitAsync([-1], CancellationToken.None));
        batches.Held.Wait();
        var tasks = Enumerable.Range(0, 8).Select(i => batcher.SubmitAsync([i], CancellationToken.None)).ToArray();
        batches.Release.Set();
        var done = await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["-1"], await blocker);
        Assert.Equal(8, done.Length);
        Assert.Equal([1, 4, 4], batches.Sizes);
    }

    [Fact]
    public async Task A_lone_request_runs_at_once_on_the_callers_thread()
    {
        var threads = new List<int>();
        string[] Execute(IReadOnlyList<int> items, IReadOnlyList<BatchMember> members)
        {
            threads.Add(Environment.CurrentManagedThreadId);
            return ["ok"];
        }
        await using var batcher = new MicroBatcher<int, string>(Execute, () => 8, TimeSpan.FromSeconds(30));

        var caller = Environment.CurrentManagedThreadId;
        var result = batcher.SubmitAsync([1], CancellationToken.None);

        Assert.True(result.IsCompletedSuccessfully);
        Assert.Equal(["ok"], await result);
        Assert.Equal([caller], threads);
    }

    [Fact]
    public async Task A_failing_batch_fails_every_caller_in_it_and_the_batcher_goes_on()
    {
        var fail = true;
        string[] Execute(IReadOnlyList<int> items, IReadOnlyList<BatchMember> members) =>
            fail ? throw new InvalidOperationException("boom") : items.Select(i => i.ToString()).ToArray();
        await using var batcher = new MicroBatcher<int, string>(Execute, () => 8, TimeSpan.Zero);

        await Assert.ThrowsAsync<InvalidOperationException>(() => batcher.SubmitAsync([1], CancellationToken.None));
        fail = false;
        Assert.Equal(["2"], await batcher.SubmitAsync([2], CancellationToken.None));
    }

    [Fact]
    public async Task A_request_that_fills_a_batch_waits_for_a_slot_without_holding_its_thread()
    {
        using var batches = new HeldBatches(items => items[0] < 0, i => i.ToString());
        await using var batcher = new MicroBatcher<int, string>(batches.Execute, () => 4, TimeSpan.Zero, concurrency: 1);

        var first = Task.Run(() => batcher.SubmitAsync([-1, -2, -3, -4], CancellationToken.None));
        Assert.True(batches.Held.Wait(TimeSpan.FromSeconds(10)), "first running");

        // The second full batch must come back as a pending task at once, not block this thread until the first ends.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var second = batcher.SubmitAsync([1, 2, 3, 4, 5], CancellationToken.None);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"SubmitAsync held its caller for {clock.Elapsed}");
        Assert.False(second.IsCompleted);

        batches.Release.Set();
        Assert.Equal(["-1", "-2", "-3", "-4"], await first.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(["1", "2", "3", "4", "5"], await second.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, batches.MostAtOnce); // one slot, so never two batches at once
    }

    /// <summary>
    /// A batch function that formats each item and records every batch's size and the most batches running at once;
    /// it holds the batches that <paramref name="holds"/> picks (setting <see cref="Held"/>) until <see cref="Release"/> is set.
    /// </summary>
    private sealed class HeldBatches(Func<IReadOnlyList<int>, bool> holds, Func<int, string> format) : IDisposable
    {
        private int _running;
        private int _mostAtOnce;

        public List<int> Sizes { get; } = [];

        public ManualResetEventSlim Held { get; } = new();

        public ManualResetEventSlim Release { get; } = new();

        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        public string[] Execute(IReadOnlyList<int> items, IReadOnlyList<BatchMember> members)
        {
            InterlockedMax(ref _mostAtOnce, Interlocked.Increment(ref _running));
            lock (Sizes)
            {
                Sizes.Add(items.Count);
            }
            if (holds(items))
            {
                Held.Set();
                Release.Wait();
            }
            Interlocked.Decrement(ref _running);
            return items.Select(format).ToArray();
        }

        public void Dispose()
        {
            Held.Dispose();
            Release.Dispose();
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int seen;
            while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
            {
            }
        }
    }
}
