namespace TruthGraph.Api.Ingestion;

/// <summary>Wakes the worker when a job is queued, so that it need not poll often; polling stays as the fallback.</summary>
public sealed class IngestionSignal
{
    private readonly SemaphoreSlim _semaphore = new(0);

    public void Notify()
    {
        if (_semaphore.CurrentCount == 0)
        {
            _semaphore.Release();
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _semaphore.WaitAsync(timeout, cancellationToken);
}
