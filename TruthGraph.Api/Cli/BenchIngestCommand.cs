using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TruthGraph.Api.Benchmark;

namespace TruthGraph.Api.Cli;

/// <summary>
/// <c>dotnet run --project TruthGraph.Api -c Release -- bench-ingest --data FILE --connection CS --inference URL
/// [--format climate-fever] [--batch 128]</c>: embeds the file's sentences alone (texts/s), then ingests the same
/// sentences through the real pipeline into a throwaway source (sentences/s), and prints the ratio — the database is
/// not the bottleneck when it is close to 1. The benchmark rows are deleted afterwards.
/// </summary>
public static class BenchIngestCommand
{
    public const string Name = "bench-ingest";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = CommandArgs.Parse(args);
        if (!options.TryGetValue("data", out var data) || !options.TryGetValue("connection", out var connection)
            || !options.TryGetValue("inference", out var inference))
        {
            Console.Error.WriteLine("usage: bench-ingest --data FILE --connection CONNECTION_STRING --inference URL [--format climate-fever] [--batch 128]");
            return 2;
        }
        var format = IngestionFormats.ByName[options.GetValueOrDefault("format", "climate-fever")];
        var batch = int.Parse(options.GetValueOrDefault("batch", "128"), System.Globalization.CultureInfo.InvariantCulture);
        var source = $"bench-{Guid.NewGuid():N}";
        var parsed = IngestionFormats.Parse(format, await File.ReadAllBytesAsync(data), new ParseOptions(source, null));
        var texts = parsed.Sentences.Select(s => s.Text).ToList();
        Console.WriteLine($"{texts.Count} sentences ({parsed.Errors.Count} rejected lines) from {data}; batch {batch}");

        var builder = new NpgsqlDataSourceBuilder(connection);
        builder.UseVector();
        await using var dataSource = builder.Build();
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri(inference), Timeout = TimeSpan.FromMinutes(5) };
        var embeddings = new HttpEmbeddingClient(http);
        var store = new PgvectorEvidenceStore(dataSource);

        await embeddings.EmbedAsync(texts.Take(32).ToList(), EmbeddingDefaults.ModelId, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        var vectors = new List<float[]>(texts.Count);
        for (var start = 0; start < texts.Count; start += batch)
        {
            vectors.AddRange(await embeddings.EmbedAsync(texts.Skip(start).Take(batch).ToList(), EmbeddingDefaults.ModelId, CancellationToken.None));
        }
        var embedRate = texts.Count / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"embedding only:  {embedRate,8:F1} texts/s ({clock.Elapsed.TotalSeconds:F1} s)");

        // The database alone, with the vectors already computed: the ceiling a faster encoder could reach.
        var storeSource = source + "-store";
        var records = parsed.Sentences.Select((s, i) => new EvidenceRecord(storeSource, s.ExternalId, s.Text, vectors[i],
            EmbeddingDefaults.ModelId, s.DocumentExternalId, s.DocumentTitle)).ToList();
        clock.Restart();
        for (var start = 0; start < records.Count; start += batch)
        {
            await store.UpsertBatchAsync(records.Skip(start).Take(batch).ToList(), null, CancellationToken.None);
        }
        Console.WriteLine($"database only:   {records.Count / clock.Elapsed.TotalSeconds,8:F1} sentences/s ({clock.Elapsed.TotalSeconds:F1} s)");

        var pipeline = new IngestionPipeline(embeddings, store, NullLogger<IngestionPipeline>.Instance) { BatchSize = batch };
        clock.Restart();
        await pipeline.RunAsync(parsed.Sentences, 0, EmbeddingDefaults.ModelId, null, 0, CancellationToken.None);
        var ingestRate = texts.Count / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"ingestion:       {ingestRate,8:F1} sentences/s ({clock.Elapsed.TotalSeconds:F1} s)");
        Console.WriteLine($"ingestion / embedding: {ingestRate / embedRate:P0} (goal >= 85%)");

        await using (var cleanup = dataSource.CreateCommand("DELETE FROM evidence WHERE source IN (@s, @t); DELETE FROM documents WHERE source IN (@s, @t)"))
        {
            cleanup.Parameters.AddWithValue("s", source);
            cleanup.Parameters.AddWithValue("t", storeSource);
            await cleanup.ExecuteNonQueryAsync();
        }
        return 0;
    }
}
