using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TruthGraph.Api.Benchmark.Retrieval;

namespace TruthGraph.Api.Cli;

/// <summary>
/// <c>bench-retrieval --connection CS [--inference URL] [--sizes 10000,100000,1000000] [--storages vector,halfvec]
/// [--ef-search 40,80,160] [--m 16] [--ef-construction 64] [--noise 0.25] [--base 10000] [--queries 200]
/// [--cache FILE] [--json FILE]</c>: grows real CLIMATE-FEVER/FEVER sentence embeddings into corpora of each size
/// (see <see cref="SyntheticCorpus"/>), loads each into the evidence table, and prints ingestion rate, HNSW build
/// time, table and index size, and query latency and recall@k against exact search per storage and ef_search.
/// Destroys the evidence table's contents: point it at a throwaway database (scripts/bench-retrieval.sh does).
/// </summary>
public static class BenchRetrievalCommand
{
    public const string Name = "bench-retrieval";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = CommandArgs.Parse(args);
        if (!options.TryGetValue("connection", out var connection))
        {
            Console.Error.WriteLine("usage: bench-retrieval --connection CONNECTION_STRING [--inference URL] [--sizes 10000,100000,1000000] " +
                                    "[--storages vector,halfvec] [--ef-search 40,80,160] [--m 16] [--ef-construction 64] [--noise 0.25] " +
                                    "[--base 10000] [--queries 200] [--seed 7] [--data-dir ../shared/data] [--cache FILE] [--json FILE]");
            return 2;
        }
        int Int(string name, int fallback) => int.Parse(options.GetValueOrDefault(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        IReadOnlyList<int> Ints(string name, string fallback) =>
            options.GetValueOrDefault(name, fallback).Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var plan = new BenchmarkPlan(
            Ints("sizes", "10000,100000,1000000"),
            options.GetValueOrDefault("storages", "vector,halfvec").Split(',').Select(s => Enum.Parse<VectorStorage>(s, ignoreCase: true)).ToList(),
            Ints("ef-search", "40,80,160"),
            Int("m", 16), Int("ef-construction", 64), Int("k", 10), Int("batch", 1000),
            options.GetValueOrDefault("maintenance-work-mem", "4GB"), Int("parallel-workers", 1));
        var dataDir = options.GetValueOrDefault("data-dir", "../shared/data");
        var cache = options.GetValueOrDefault("cache",
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "truthgraph", "bench-retrieval-embeddings.bin"));

        var (corpusTexts, queryTexts) = BenchmarkSentences.ReadTexts(
            Directory.GetFiles(Path.Combine(dataDir, "climate-fever"), "*.jsonl").Order(StringComparer.Ordinal),
            Path.Combine(dataDir, "nli", "fever_pairs.jsonl"), Int("base", 10_000), Int("queries", 200));
        var sentences = await BenchmarkSentences.LoadOrEmbedAsync(cache, corpusTexts, queryTexts, async texts =>
        {
            var inference = options.GetValueOrDefault("inference")
                            ?? throw new InvalidOperationException($"{cache} is missing or stale: pass --inference URL to embed the sentences.");
            using var http = new HttpClient { BaseAddress = new Uri(inference), Timeout = TimeSpan.FromMinutes(5) };
            var client = new HttpEmbeddingClient(http);
            var clock = Stopwatch.StartNew();
            var vectors = await client.EmbedAsync(texts, EmbeddingDefaults.ModelId, CancellationToken.None);
            Console.WriteLine($"embedded {texts.Count} texts in {clock.Elapsed.TotalSeconds:F0} s");
            return vectors;
        });
        var noise = double.Parse(options.GetValueOrDefault("noise", "0.25"), CultureInfo.InvariantCulture);
        var corpus = new SyntheticCorpus(sentences.Vectors, noise, Int("seed", 7));
        Console.WriteLine($"{sentences.Texts.Count} real sentences, {sentences.Queries.Count} claims as queries; noise norm {noise}; " +
                          $"HNSW m={plan.M} ef_construction={plan.EfConstruction}; maintenance_work_mem={plan.MaintenanceWorkMem}, " +
                          $"parallel maintenance workers={plan.ParallelMaintenanceWorkers}; {Environment.ProcessorCount} CPUs");

        var builder = new NpgsqlDataSourceBuilder(connection);
        builder.UseVector();
        await using var dataSource = builder.Build();
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        await using (var version = dataSource.CreateCommand("SELECT extversion FROM pg_extension WHERE extname = 'vector'"))
        {
            Console.WriteLine($"pgvector {await version.ExecuteScalarAsync()}");
        }
        var report = await new RetrievalBenchmark(dataSource, corpus, sentences.Texts, sentences.Queries, plan, Console.Out)
            .RunAsync(CancellationToken.None);

        Console.WriteLine();
        RetrievalReportTable.Write(report, plan, Console.Out);
        if (options.TryGetValue("json", out var json))
        {
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(report, ReportJson));
        }
        return 0;
    }

    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
