namespace TruthGraph.Api.Ingestion;

/// <summary>
/// Wakes the worker when a job is queued, so that it need not poll often; polling stays as the fallback. A job queued
/// here is also announced to the other API replicas (<see cref="Queued"/>), whose signal wakes through <see cref="Wake"/>.
/// </summary>
public sealed class IngestionSignal
{
    private readonly SemaphoreSlim _semaphore = new(0);

    public event Action? Queued;

    public void Notify()
    {
        Wake();
        Queued?.Invoke();
    }

    public void Wake()
    {
        if (_semaphore.CurrentCount == 0)
        {
            _semaphore.Release();
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);
}
