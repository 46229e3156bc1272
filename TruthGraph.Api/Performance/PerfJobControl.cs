using System.Collections.Concurrent;

namespace TruthGraph.Api.Performance;

/// <summary>
/// Cancellation of running jobs, and the wake-up call for the worker. A cancel that arrives between the worker
/// taking a job and registering it is remembered, so the job starts cancelled rather than running on.
/// </summary>
public sealed class PerfJobControl
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();
    private readonly ConcurrentDictionary<Guid, bool> _cancelRequested = new();
    private readonly SemaphoreSlim _queued = new(0);

    /// <summary>A cancel or a queued job that the other API replicas must hear of (the job may run, or be claimable, there).</summary>
    public event Action<Guid>? CancelRequested;

    public event Action? Queued;

    public CancellationTokenSource Register(Guid id, CancellationToken stopping)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _running[id] = source;
        if (_cancelRequested.TryRemove(id, out _))
        {
            source.Cancel();
        }
        return source;
    }

    public void Unregister(Guid id)
    {
        _running.TryRemove(id, out _);
        _cancelRequested.TryRemove(id, out _);
    }

    public bool IsCancellationRequested(Guid id) => _running.TryGetValue(id, out var source) && source.IsCancellationRequested;

    public void Cancel(Guid id)
    {
        if (_running.TryGetValue(id, out var source))
        {
            source.Cancel();
        }
        else
        {
            _cancelRequested[id] = true;
            CancelRequested?.Invoke(id);
        }
    }

    /// <summary>Another replica was asked to cancel: acts only on a job running here (remembering it would leak).</summary>
    public void CancelIfRunning(Guid id)
    {
        if (_running.TryGetValue(id, out var source))
        {
            source.Cancel();
        }
    }

    public void NotifyQueued()
    {
        Wake();
        Queued?.Invoke();
    }

    public void Wake()
    {
        if (_queued.CurrentCount == 0)
        {
            _queued.Release();
        }
    }

    public Task WaitForQueuedAsync(TimeSpan timeout, CancellationToken cancellationToken) => _queued.WaitAsync(timeout, cancellationToken);
}
