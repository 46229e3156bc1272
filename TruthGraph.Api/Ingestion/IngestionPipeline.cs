using System.Threading.Channels;

namespace TruthGraph.Api.Ingestion;

/// <summary>
/// Embeds and stores parsed sentences in batches. Embedding the next batch overlaps with writing the previous one
/// (a two-slot channel between them), so the database adds little to the time the encoder needs. Sentences already
/// stored with the same text and model are not embedded again: re-ingesting a file, or resuming after a crash, is cheap.
/// </summary>
public sealed class IngestionPipeline(HttpEmbeddingClient embeddings, PgvectorEvidenceStore store, ILogger<IngestionPipeline> logger)
{
    public int BatchSize { get; init; } = 128;

    /// <summary>
    /// Processes <paramref name="sentences"/> from index <paramref name="startAt"/>; <paramref name="onBatch"/> runs inside each
    /// batch's transaction with the absolute progress, so a crash loses at most the batch in flight.
    /// </summary>
    public async Task RunAsync(IReadOnlyList<ParsedSentence> sentences, int startAt, string modelId,
        Func<System.Data.Common.DbConnection, System.Data.Common.DbTransaction, BatchProgress, CancellationToken, Task>? onBatch,
        double activeSecondsBefore, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var channel = Channel.CreateBounded<EmbeddedBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);

        var producer = Task.Run(async () =>
        {
            try
            {
                for (var start = startAt; start < sentences.Count; start += BatchSize)
                {
                    var end = Math.Min(start + BatchSize, sentences.Count);
                    await channel.Writer.WriteAsync(await EmbedAsync(sentences, start, end, modelId, linked.Token), linked.Token);
                }
                channel.Writer.Complete();
            }
            catch (Exception ex)
            {
                channel.Writer.Complete(ex);
            }
        }, linked.Token);

        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(linked.Token))
            {
                using var activity = IngestionTelemetry.ActivitySource.StartActivity("upsert batch");
                activity?.SetTag("truthgraph.ingest.batch.size", batch.Records.Count);
                var result = await store.UpsertBatchAsync(batch.Records, onBatch is null ? null : (connection, transaction, upserted, ct) =>
                    onBatch(connection, transaction, new BatchProgress(batch.End, batch.LastLine, upserted.Inserted, upserted.Updated,
                        upserted.Unchanged + batch.AlreadyStored, activeSecondsBefore + clock.Elapsed.TotalSeconds), ct), linked.Token);
                var size = batch.End - batch.Start;
                IngestionTelemetry.SentencesIngested.Add(size);
                IngestionTelemetry.BatchDuration.Record(batch.EmbedSeconds + (Stopwatch.GetElapsedTime(batch.ReadyAt).TotalSeconds));
                logger.LogDebug("Stored sentences {Start}–{End}: {Inserted} new, {Updated} updated", batch.Start, batch.End, result.Inserted, result.Updated);
            }
        }
        catch
        {
            await linked.CancelAsync();
            throw;
        }
        finally
        {
            await producer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task<EmbeddedBatch> EmbedAsync(IReadOnlyList<ParsedSentence> sentences, int start, int end, string modelId,
        CancellationToken cancellationToken)
    {
        using var activity = IngestionTelemetry.ActivitySource.StartActivity("embed batch");
        var started = Stopwatch.GetTimestamp();
        var slice = new List<ParsedSentence>(end - start);
        for (var i = start; i < end; i++)
        {
            slice.Add(sentences[i]);
        }
        var unchanged = await store.FindUnchangedAsync(
            slice.Select(s => new EvidenceCandidate(s.Source, s.ExternalId, s.Text)).ToList(), modelId, cancellationToken);
        var toEmbed = slice.Where(s => !unchanged.Contains((s.Source, s.ExternalId))).ToList();
        var vectors = toEmbed.Count == 0 ? [] : await embeddings.EmbedAsync(toEmbed.Select(s => s.Text).ToList(), modelId, cancellationToken);
        var records = toEmbed.Select((s, i) => new EvidenceRecord(s.Source, s.ExternalId, s.Text, vectors[i], modelId, s.DocumentExternalId, s.DocumentTitle))
            .ToList();
        activity?.SetTag("truthgraph.ingest.batch.embedded", records.Count);
        activity?.SetTag("truthgraph.ingest.batch.unchanged", slice.Count - records.Count);
        return new EmbeddedBatch(start, end, slice[^1].Line, records, slice.Count - records.Count,
            Stopwatch.GetElapsedTime(started).TotalSeconds, Stopwatch.GetTimestamp());
    }

    private sealed record EmbeddedBatch(int Start, int End, int LastLine, IReadOnlyList<EvidenceRecord> Records, int AlreadyStored,
        double EmbedSeconds, long ReadyAt);
}
