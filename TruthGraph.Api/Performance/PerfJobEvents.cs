using System.Collections.Concurrent;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using TruthGraph.Api.Jobs;
using TruthGraph.ServiceDefaults;

namespace TruthGraph.Api.Performance;

/// <summary>
/// Fans a job's events out to its subscribers (server-sent event streams) and keeps the latest one, which is what
/// <c>GET</c> shows as progress while the job runs. In memory, and shared between API replicas: events of jobs run here
/// are raised as <see cref="Sent"/> (the replica link sends them to the others), and the others' arrive by <see cref="Receive"/>.
/// </summary>
public sealed class PerfJobEvents
{
    /// <summary>How often a stream re-reads its job from the database, in case the event that ends it never arrives.</summary>
    private static readonly TimeSpan RecheckInterval = TimeSpan.FromSeconds(3);

    /// <summary>An event of a job run by this process (true: the final one).</summary>
    public event Action<PerfEvent, bool>? Sent;

    private sealed class Job
    {
        public readonly Lock Lock = new();
        public readonly List<Channel<PerfEvent>> Subscribers = [];
        public PerfEvent? Latest;
        public PerfEvent? Final;
        public readonly TaskCompletionSource Ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private readonly ConcurrentDictionary<Guid, Job> _jobs = new();

    public PerfEvent? Latest(Guid id) => _jobs.TryGetValue(id, out var job) ? job.Final ?? job.Latest : null;

    public void Publish(PerfEvent value)
    {
        Send(value, isFinal: false);
        Sent?.Invoke(value, false);
    }

    /// <summary>Sends the last event (status completed, failed or cancelled) and closes every stream of the job.</summary>
    public void Finish(PerfEvent final)
    {
        End(final);
        Sent?.Invoke(final, true);
    }

    /// <summary>An event of a job another replica runs.</summary>
    public void Receive(PerfEvent value, bool isFinal)
    {
        if (isFinal)
        {
            End(value);
        }
        else
        {
            Send(value, isFinal: false);
        }
    }

    private void End(PerfEvent final)
    {
        var job = Send(final, isFinal: true);
        job.Ended.TrySetResult();
        // Old jobs are served from the database; keep only recent ones here.
        foreach (var old in _jobs.Where(j => j.Value.Final is { } f && f.At < DateTimeOffset.UtcNow.AddMinutes(-10)).Select(j => j.Key).ToList())
        {
            _jobs.TryRemove(old, out _);
        }
    }

    /// <summary>Keeps the event as the job's latest (or final) one and writes it to every subscriber; a final event closes their streams.</summary>
    private Job Send(PerfEvent value, bool isFinal)
    {
        var job = _jobs.GetOrAdd(value.JobId, _ => new Job());
        lock (job.Lock)
        {
            if (isFinal)
            {
                job.Final = value;
            }
            else
            {
                job.Latest = value;
            }
            foreach (var subscriber in job.Subscribers)
            {
                subscriber.Writer.TryWrite(value);
                if (isFinal)
                {
                    subscriber.Writer.TryComplete();
                }
            }
            if (isFinal)
            {
                job.Subscribers.Clear();
            }
        }
        return job;
    }

    /// <summary>Waits until the job has ended here, or the timeout passes; true when it ended.</summary>
    public async Task<bool> WaitForEndAsync(Guid id, TimeSpan timeout)
    {
        var job = _jobs.GetOrAdd(id, _ => new Job());
        return await Task.WhenAny(job.Ended.Task, Task.Delay(timeout)) == job.Ended.Task;
    }

    /// <summary>
    /// The job's events from now on: first where it stands (<paramref name="current"/>, read after subscribing so that
    /// nothing is missed), then each new one, ending with the <c>finished</c> event.
    /// </summary>
    public async IAsyncEnumerable<SseItem<PerfEvent>> SubscribeAsync(Guid id, Func<Task<PerfJobView?>> current,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var job = _jobs.GetOrAdd(id, _ => new Job());
        var channel = Channel.CreateUnbounded<PerfEvent>();
        lock (job.Lock)
        {
            if (job.Final is null)
            {
                job.Subscribers.Add(channel);
            }
        }
        try
        {
            var view = await current();
            if (job.Final is { } ended)
            {
                yield return Item(ended);
                yield break;
            }
            if (view is not null && view.Status.IsFinished())
            {
                yield return Item(FinalFrom(view));
                yield break;
            }
            if (view is not null)
            {
                yield return Item(job.Latest ?? new PerfEvent(id, view.Kind, view.Status, view.Status.WireName(), 0, 0, 0,
                    view.Status == JobStatus.Queued ? "waiting for the jobs before it" : "starting", null, DateTimeOffset.UtcNow));
            }
            while (true)
            {
                using var recheck = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                recheck.CancelAfter(RecheckInterval);
                PerfEvent? next = null;
                try
                {
                    if (!await channel.Reader.WaitToReadAsync(recheck.Token))
                    {
                        yield break;
                    }
                    channel.Reader.TryRead(out next);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // Quiet for a while: the job may have ended where this process could not hear it (another replica,
                    // a lost notification). The stored row says so.
                }
                if (next is null)
                {
                    if (await current() is { } stored && stored.Status.IsFinished())
                    {
                        yield return Item(FinalFrom(stored));
                        yield break;
                    }
                    continue;
                }
                yield return Item(next);
                if (next.Status.IsFinished())
                {
                    yield break;
                }
            }
        }
        finally
        {
            lock (job.Lock)
            {
                job.Subscribers.Remove(channel);
                // A job this process never ran (an old one, read from the database) leaves nothing behind.
                if (job.Subscribers.Count == 0 && job.Latest is null && job.Final is null)
                {
                    _jobs.TryRemove(id, out _);
                }
            }
        }
    }

    /// <summary>The <c>finished</c> event of a job that ended (read from the database when this process did not run it).</summary>
    public static PerfEvent FinalFrom(PerfJobView view) => new(view.Id, view.Kind, view.Status, view.Status.WireName(),
        view.Progress?.Total ?? 1, view.Progress?.Total ?? 1, 100, view.Summary ?? view.Failure ?? view.Status.WireName(), null,
        view.FinishedAt ?? DateTimeOffset.UtcNow);

    private static SseItem<PerfEvent> Item(PerfEvent value) =>
        new(value, value.Status.IsFinished() ? "finished" : "progress");
}
