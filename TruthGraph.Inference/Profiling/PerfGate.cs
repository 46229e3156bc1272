namespace TruthGraph.Inference.Profiling;

/// <summary>
/// One sweep or profile at a time in this process: two would share the cores and each would measure the other, and
/// a sweep restores the batch size it changed only when it ends.
/// </summary>
public sealed class PerfGate
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public async Task<IDisposable> EnterAsync(IProgress<PerfProgress> progress, CancellationToken cancellationToken)
    {
        if (!_semaphore.Wait(0, CancellationToken.None))
        {
            progress.Report(new PerfProgress("waiting", 0, 1, "waiting for another sweep or profile in the inference service to end"));
            await _semaphore.WaitAsync(cancellationToken);
        }
        return new Turn(_semaphore);
    }

    private sealed class Turn(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
