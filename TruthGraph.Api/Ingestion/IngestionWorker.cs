using TruthGraph.Api.Jobs;

namespace TruthGraph.Api.Ingestion;

/// <summary>
/// Runs queued ingestion jobs one at a time (the encoder is the bottleneck; two jobs would only share it). Jobs left
/// 'running' by a crash are requeued at start and resume after their last committed batch. A job cut off because
/// PostgreSQL or the inference service went away is not failed: the worker waits for the dependency, requeues the job
/// and it resumes the same way.
/// </summary>
public sealed class IngestionWorker(
    DatabaseMigrationService migrations, IngestionJobRepository jobs, IServiceScopeFactory scopes, IngestionSignal signal, JobRunner runner,
    ILogger<IngestionWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MaxOutageWait = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan OrphanCheckInterval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.Completion.WaitAsync(stoppingToken);
        await runner.Registered.WaitAsync(stoppingToken);
        var requeuePending = true;
        var atStart = true;
        // Another replica's death leaves its job 'running'; the live replicas look for such jobs this often.
        var lastRequeue = Stopwatch.StartNew();
        var outageWait = TimeSpan.FromSeconds(0.5);
        while (!stoppingToken.IsCancellationRequested)
        {
            var job = await JobQueue.NextAsync(async cancellationToken =>
            {
                if (requeuePending || lastRequeue.Elapsed > OrphanCheckInterval)
                {
                    var requeued = await jobs.RequeueInterruptedAsync(cancellationToken, atStart);
                    (requeuePending, atStart) = (false, false);
                    lastRequeue.Restart();
                    if (requeued > 0)
                    {
                        logger.LogInformation("Resuming {Count} interrupted ingestion job(s)", requeued);
                    }
                }
                return await jobs.ClaimNextAsync(cancellationToken);
            }, signal.WaitAsync, PollInterval, logger, "ingestion", stoppingToken);
            if (job is null)
            {
                continue;
            }
            if (await RunAsync(job, stoppingToken))
            {
                outageWait = TimeSpan.FromSeconds(0.5);
                continue;
            }
            // Left 'running' with its committed progress; requeued (and resumed) once the database answers again.
            requeuePending = true;
            await Task.Delay(outageWait, stoppingToken);
            outageWait = TimeSpan.FromTicks(Math.Min(outageWait.Ticks * 2, MaxOutageWait.Ticks));
        }
    }

    /// <summary>Runs one job to its end (completed or failed); false when a dependency outage interrupted it.</summary>
    private async Task<bool> RunAsync(ClaimedJob job, CancellationToken stoppingToken)
    {
        using var activity = IngestionTelemetry.ActivitySource.StartActivity("ingestion job");
        activity?.SetTag("truthgraph.ingest.job", job.Id);
        activity?.SetTag("truthgraph.ingest.format", IngestionFormats.Name(job.Format));
        var clock = Stopwatch.StartNew();
        try
        {
            // The parse is deterministic, so the sentence order (and 'processed' as an index into it) is the same as
            // when the job was submitted or last ran.
            await using var scope = scopes.CreateAsyncScope();
            var pipeline = scope.ServiceProvider.GetRequiredService<IngestionPipeline>();
            var parsed = IngestionFormats.Parse(job.Format, job.Payload, new ParseOptions(job.Source, job.Title));
            if (job.Processed > 0)
            {
                logger.LogInformation("Resuming ingestion job {Job} after {Processed} of {Total} sentences", job.Id, job.Processed, parsed.Sentences.Count);
            }
            await pipeline.RunAsync(parsed.Sentences, job.Processed, job.ModelId,
                (connection, transaction, progress, ct) => IngestionJobRepository.RecordBatchAsync(connection, transaction, job.Id, progress, ct),
                job.ActiveSeconds, stoppingToken);
            await jobs.FinishAsync(job.Id, JobStatus.Completed, null, stoppingToken);
            var done = parsed.Sentences.Count - job.Processed;
            logger.LogInformation(
                "Ingestion job {Job} completed: {Sentences} sentences in {Seconds:F1} s ({Rate:F1} sentences/s), {Rejected} rejected lines",
                job.Id, done, clock.Elapsed.TotalSeconds, done / Math.Max(clock.Elapsed.TotalSeconds, 1e-3), parsed.Errors.Count);
            return true;
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Left 'running' on purpose: the next start requeues it and it resumes from its last committed batch.
            logger.LogInformation("Ingestion job {Job} interrupted by shutdown; it resumes on the next start", job.Id);
            return true;
        }
        catch (Exception ex) when (DependencyOutage.Is(ex))
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            logger.LogWarning("Ingestion job {Job} paused, a dependency is unavailable: {Reason}. It resumes after its last committed batch.",
                job.Id, ex.Message);
            return false;
        }
        catch (Exception ex)
        {
            // Any other failure ends this job, never the worker: an unhandled exception in a BackgroundService stops the host.
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            logger.LogError(ex, "Ingestion job {Job} failed", job.Id);
            try
            {
                await jobs.FinishAsync(job.Id, JobStatus.Failed, ex.Message, CancellationToken.None);
                return true;
            }
            catch (Exception finish) when (DependencyOutage.Is(finish))
            {
                // The failure cannot be recorded now; the job is requeued and runs again once the database is back.
                return false;
            }
        }
    }
}
