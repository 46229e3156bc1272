using TruthGraph.Inference.Cache;

namespace TruthGraph.Inference.Hosting;

/// <summary>
/// Brings a batch size that another replica applied (written to the shared tuned-batch-sizes file) into this replica's
/// loaded models within a couple of seconds. A poll rather than a file watcher: watchers miss the rename that writes the
/// file on some file systems (network mounts), and reading a file of a few lines per model every 2 s costs nothing.
/// </summary>
public sealed class TunedBatchSizesWatcher(ModelCache cache, ILogger<TunedBatchSizesWatcher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                cache.RefreshTunedBatchSizes();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogWarning("Cannot read the tuned batch sizes: {Reason}", ex.Message);
            }
        }
    }
}
