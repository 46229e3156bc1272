using TruthGraph.Api.Jobs;
using TruthGraph.ServiceDefaults;

namespace TruthGraph.Api.Performance;

/// <summary>
/// Runs queued performance jobs one at a time, in the order they were started: two measurements at once would each
/// measure the other. Jobs left running by a crash are recorded as failed at start (see <see cref="PerfJobRepository.FailInterruptedAsync"/>).
/// </summary>
public sealed class PerfJobWorker(
    DatabaseMigrationService migrations, PerfJobRepository jobs, PerfJobEvents events, PerfJobControl control, IServiceScopeFactory scopes,
    JobRunner runner, ILogger<PerfJobWorker> logger) : BackgroundService
{
    public static readonly ActivitySource ActivitySource = new("truthgraph.perf");
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.Completion.WaitAsync(stoppingToken);
        await runner.Registered.WaitAsync(stoppingToken);
        var interrupted = await jobs.FailInterruptedAsync(stoppingToken, atStart: true);
        if (interrupted > 0)
        {
            logger.LogWarning("{Count} performance job(s) were cut short by a restart and are recorded as failed", interrupted);
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            if (await JobQueue.NextAsync(jobs.ClaimNextAsync, control.WaitForQueuedAsync, PollInterval, logger, "performance job", stoppingToken) is { } job)
            {
                await RunAsync(job, stoppingToken);
            }
        }
    }

    private async Task RunAsync(ClaimedPerfJob job, CancellationToken stoppingToken)
    {
        using var activity = ActivitySource.StartActivity($"perf {job.Kind.Name()}");
        activity?.SetTag("truthgraph.perf.job", job.Id);
        using var cancellation = control.Register(job.Id, stoppingToken);
        var context = new PerfJobContext(job.Id, job.Kind, job.Request, events.Publish);
        context.Report("starting", 0, 1, $"{job.Kind.Name()} started");
        JobStatus status;
        string message;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = scope.ServiceProvider.GetServices<IPerfJob>().Single(h => h.Kind == job.Kind);
            var outcome = await handler.RunAsync(context, cancellation.Token);
            await jobs.CompleteAsync(job.Id, outcome, context.Latest, CancellationToken.None);
            (status, message) = (JobStatus.Completed, outcome.Summary);
            logger.LogInformation("Performance job {Job} ({Kind}) completed: {Summary}", job.Id, job.Kind.Name(), outcome.Summary);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
        {
            (status, message) = (JobStatus.Cancelled, "cancelled while running");
            await jobs.EndAsync(job.Id, status, message, context.Latest, CancellationToken.None);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            (status, message) = (JobStatus.Failed, "interrupted by a shutdown of the API service");
            await jobs.EndAsync(job.Id, status, message, context.Latest, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // One job failing must never stop the worker: an unhandled exception in a BackgroundService stops the host.
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            logger.LogError(ex, "Performance job {Job} ({Kind}) failed", job.Id, job.Kind.Name());
            (status, message) = (JobStatus.Failed, ex.Message);
            await jobs.EndAsync(job.Id, status, message, context.Latest, CancellationToken.None);
        }
        finally
        {
            control.Unregister(job.Id);
        }
        var last = context.Latest;
        events.Finish(new PerfEvent(job.Id, job.Kind, status, status.WireName(), last?.Total ?? 1, last?.Total ?? 1,
            status == JobStatus.Completed ? 100 : last?.Percent ?? 0, message, null, DateTimeOffset.UtcNow));
    }
}
