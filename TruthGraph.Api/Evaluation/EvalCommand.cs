using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TruthGraph.Api.Benchmark;
using TruthGraph.Api.Database;
using TruthGraph.Api.Embeddings;
using TruthGraph.Api.Evidence;
using TruthGraph.Api.Inference;
using TruthGraph.Api.Ingestion;
using TruthGraph.Api.Ingestion.Parsing;
using TruthGraph.Api.Verification;

namespace TruthGraph.Api.Evaluation;

/// <summary>
/// <c>eval climate-fever --data FILE --connection CS --inference URL [--top-k 10] [--json REPORT] [--tune] [--keep-database] [--nli-model ID]</c>:
/// loads the file's evidence into a database of its own on the same server (the user's corpus is never touched),
/// verifies every claim through the real pipeline (inference service, pgvector, verdict rule), and prints claim-level
/// and pair-level accuracy, macro-F1 and confusion matrices, per-stage timings and the verify benchmark figures.
/// </summary>
public static class EvalCommand
{
    public const string Name = "eval";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = CommandArgs.Parse(args);
        if (options.GetValueOrDefault("$0") != "climate-fever" || !options.TryGetValue("data", out var data)
            || !options.TryGetValue("connection", out var connection) || !options.TryGetValue("inference", out var inference))
        {
            Console.Error.WriteLine("usage: eval climate-fever --data FILE --connection CONNECTION_STRING --inference URL [--top-k 10] [--json REPORT] [--tune] [--keep-database] [--nli-model ID]");
            return 2;
        }
        var topK = int.Parse(options.GetValueOrDefault("top-k", "10"), CultureInfo.InvariantCulture);
        var claims = ClimateFeverClaims.Read(data);
        Console.WriteLine($"{claims.Count} claims, {claims.Sum(c => c.Evidence.Count)} labelled pairs from {data}");

        await using var database = await EvaluationDatabase.CreateAsync(connection, keep: options.ContainsKey("keep-database"));
        Console.WriteLine($"isolated corpus: database {database.Name}");
        var dataSource = database.DataSource;
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);

        using var http = new HttpClient { BaseAddress = new Uri(inference), Timeout = TimeSpan.FromMinutes(5) };
        var embeddings = new HttpEmbeddingClient(http);
        var nli = new HttpNliClient(http);
        var store = new PgvectorEvidenceStore(dataSource);
        // --nli-model compares another NLI model through the same pipeline before it becomes the default.
        var settings = new VerificationOptions();
        settings.NliModel = options.GetValueOrDefault("nli-model", settings.NliModel);

        // 1. The corpus: every evidence sentence of the file, through the ingestion pipeline.
        var parsed = ClimateFeverParser.Parse(new StringReader(await File.ReadAllTextAsync(data)), new ParseOptions("eval", null));
        var clock = Stopwatch.StartNew();
        await new IngestionPipeline(embeddings, store, NullLogger<IngestionPipeline>.Instance) { BatchSize = 128 }
            .RunAsync(parsed.Sentences, 0, settings.EmbeddingModel, null, 0, CancellationToken.None);
        var ingestRate = parsed.Sentences.Count / clock.Elapsed.TotalSeconds;
        Console.WriteLine($"ingested {parsed.Sentences.Count} sentences in {clock.Elapsed.TotalSeconds:F1} s ({ingestRate:F0} sentences/s)");

        // 2. Every claim through the verification pipeline, one at a time as a user would send them.
        var verifier = new VerificationService(embeddings, store, nli, new VerificationRepository(dataSource),
            new VerificationResultCache(Options.Create(settings)), Options.Create(settings), TimeProvider.System);
        await verifier.VerifyAsync(["Warm-up: the pipeline's first call pays for connections and lazy loading."], topK, null, CancellationToken.None);
        var results = new List<VerificationResult>(claims.Count);
        foreach (var claim in claims)
        {
            results.Add((await verifier.VerifyAsync([claim.Claim], topK, null, CancellationToken.None))[0]);
        }

        // 3. The same claims again: now answered by the result cache.
        var cacheHits = new List<double>(claims.Count);
        foreach (var claim in claims)
        {
            var started = Stopwatch.GetTimestamp();
            await verifier.VerifyAsync([claim.Claim], topK, null, CancellationToken.None);
            cacheHits.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        // 4. The NLI stage alone on every gold (evidence, claim) pair: pair-level metrics and pairs/s.
        var goldPairs = claims.SelectMany(c => c.Evidence.Select(e => (Pair: new NliPair(e.Text, c.Claim), e.PairLabel))).ToList();
        clock.Restart();
        var pairScores = new List<NliScore>(goldPairs.Count);
        foreach (var chunk in goldPairs.Chunk(64))
        {
            pairScores.AddRange((await nli.ClassifyAsync(chunk.Select(p => p.Pair).ToList(), settings.NliModel, CancellationToken.None)).Data);
        }
        var pairsPerSecond = goldPairs.Count / clock.Elapsed.TotalSeconds;

        var report = EvaluationReport.Build(claims, results, goldPairs.Select(p => p.PairLabel).ToList(), pairScores,
            cacheHits, ingestRate, pairsPerSecond, topK, settings);
        report.Print(Console.Out);
        if (options.ContainsKey("tune"))
        {
            var tuned = ThresholdSearch.Best(claims, results);
            Console.WriteLine($"thresholds that maximise claim macro-F1 on this file: support {tuned.Thresholds.Support:F2}, " +
                $"refute {tuned.Thresholds.Refute:F2}, evidence similarity >= {tuned.Thresholds.MinSimilarity:F2} -> claim macro-F1 {tuned.ClaimMacroF1:F3}");
        }
        if (options.TryGetValue("json", out var jsonPath))
        {
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
            Console.WriteLine($"report written to {jsonPath}");
        }
        return 0;
    }
}
