using TruthGraph.Api.Ingestion;

namespace TruthGraph.Api.Jobs;

/// <summary>How a worker takes its next job from a queue kept in PostgreSQL.</summary>
public static class JobQueue
{
    /// <summary>
    /// The next job, or null after a wait: until the queue is signalled (at most <paramref name="pollInterval"/>) when it
    /// was empty, or for <paramref name="pollInterval"/> when the database could not be read (logged, not thrown).
    /// </summary>
    public static async Task<T?> NextAsync<T>(Func<CancellationToken, Task<T?>> claim, Func<TimeSpan, CancellationToken, Task> waitForQueued,
        TimeSpan pollInterval, ILogger logger, string queue, CancellationToken stoppingToken) where T : class
    {
        try
        {
            if (await claim(stoppingToken) is { } job)
            {
                return job;
            }
        }
        catch (Exception ex) when (DependencyOutage.Is(ex) && !stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Cannot read the {Queue} queue: {Reason}", queue, ex.Message);
            await Task.Delay(pollInterval, stoppingToken);
            return null;
        }
        await waitForQueued(pollInterval, stoppingToken);
        return null;
    }
}
