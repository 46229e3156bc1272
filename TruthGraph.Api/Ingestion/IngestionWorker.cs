using System.Diagnostics;
using TruthGraph.Api.Database;
using TruthGraph.Api.Ingestion.Parsing;

namespace TruthGraph.Api.Ingestion;

/// <summary>
/// Runs queued ingestion jobs one at a time (the encoder is the bottleneck; two jobs would only share it). Jobs left
/// 'running' by a crash are requeued at start and resume after their last committed batch.
/// </summary>
public sealed class IngestionWorker(
    DatabaseMigrationService migrations, IngestionJobRepository jobs, IServiceScopeFactory scopes, IngestionSignal signal,
    ILogger<IngestionWorker> logger) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.Completion.WaitAsync(stoppingToken);
        var requeued = await jobs.RequeueInterruptedAsync(stoppingToken);
        if (requeued > 0)
        {
            logger.LogInformation("Resuming {Count} ingestion job(s) interrupted by a restart", requeued);
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            ClaimedJob? job;
            try
            {
                job = await jobs.ClaimNextAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException)
            {
                logger.LogWarning("Cannot read the ingestion queue: {Reason}", ex.Message);
                await Task.Delay(PollInterval, stoppingToken);
                continue;
            }
            if (job is null)
            {
                await signal.WaitAsync(PollInterval, stoppingToken);
                continue;
            }
            await RunAsync(job, stoppingToken);
        }
    }

    private async Task RunAsync(ClaimedJob job, CancellationToken stoppingToken)
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
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Left 'running' on purpose: the next start requeues it and it resumes from its last committed batch.
            logger.LogInformation("Ingestion job {Job} interrupted by shutdown; it resumes on the next start", job.Id);
        }
        catch (Exception ex)
        {
            // Any failure ends this job, never the worker: an unhandled exception in a BackgroundService stops the host.
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            logger.LogError(ex, "Ingestion job {Job} failed", job.Id);
            await jobs.FinishAsync(job.Id, JobStatus.Failed, ex.Message, CancellationToken.None);
        }
    }
}
