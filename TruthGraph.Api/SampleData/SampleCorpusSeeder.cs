namespace TruthGraph.Api.SampleData;

/// <summary>
/// On first start (no evidence at all, and the sample corpus never queued before) loads the sample corpus as an
/// ordinary ingestion job. Setting <c>Seed:SampleCorpus=false</c> turns it off. Deleting the sample rows later does
/// not bring them back: the earlier job is remembered.
/// </summary>
public sealed class SampleCorpusSeeder(
    DatabaseMigrationService migrations, IngestionJobRepository jobs, IngestionSubmitter submitter, IConfiguration configuration,
    ILogger<SampleCorpusSeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Seed:SampleCorpus", true))
        {
            return;
        }
        await migrations.Completion.WaitAsync(stoppingToken);
        if (!await jobs.IsEmptyAndNeverSeededAsync(SampleDataFiles.CorpusSource, stoppingToken))
        {
            return;
        }
        var submission = await submitter.SubmitAsync(IngestionFormat.JsonLines, SampleDataFiles.ReadCorpus(), SampleDataFiles.CorpusSource,
            EmbeddingDefaults.ModelId, "TruthGraph sample corpus", stoppingToken);
        logger.LogInformation("The evidence store is empty: queued the sample corpus ({Sentences} sentences) as job {Job}",
            submission.Parsed.Sentences.Count, submission.JobId);
    }
}
