using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using TruthGraph.Api.SampleData;
using TruthGraph.Api.Evaluation;

namespace TruthGraph.Api.Cli;

/// <summary>
/// <c>eval climate-fever --data FILE --connection CS --inference URL [--top-k 10] [--json REPORT] [--tune] [--claims-out FILE] [--keep-database] [--nli-model ID]</c>:
/// loads the file's evidence into a database of its own on the same server (the user's corpus is never touched),
/// verifies every claim through the real pipeline (inference service, pgvector, verdict rule), and prints claim-level
/// and pair-level accuracy, macro-F1 and confusion matrices (and accuracy per contrast kind when the claims carry a
/// <c>kind</c>), per-stage timings and the verify benchmark figures. <c>--claims-out</c> also writes every claim's
/// evidence scores (<see cref="ClaimScoresFile"/>), retrieved down to the lowest relevance floor, for offline study.
/// <c>eval samples --connection CS --inference URL [--claims FILE] [--top-k 10] [--json REPORT] [--claims-out FILE] [--keep-database] [--nli-model ID]</c>:
/// the same with the sample corpus and the sample claims shipped in the API (<c>SampleData/</c>), checked against
/// their expected verdicts; <c>--claims</c> takes other claims in the same format against the same corpus
/// (<c>Evaluation/Data/first-claims.json</c>: the claims a newcomer types first).
/// </summary>
public static class EvalCommand
{
    public const string Name = "eval";

    private const string Usage =
        "usage: eval climate-fever --data FILE --connection CONNECTION_STRING --inference URL [--top-k 10] [--json REPORT] [--tune] [--claims-out FILE] [--keep-database] [--nli-model ID] [--no-wording-checks]\n" +
        "       eval samples --connection CONNECTION_STRING --inference URL [--claims FILE] [--top-k 10] [--json REPORT] [--claims-out FILE] [--keep-database] [--nli-model ID] [--no-wording-checks]";

    private static readonly JsonSerializerOptions ReportJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args)
    {
        var options = CommandArgs.Parse(args);
        var mode = options.GetValueOrDefault("$0");
        if (mode is not ("climate-fever" or "samples") || (mode == "climate-fever" && !options.ContainsKey("data"))
            || !options.TryGetValue("connection", out var connection) || !options.TryGetValue("inference", out var inference))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        if (!int.TryParse(options.GetValueOrDefault("top-k", "10"), NumberStyles.None, CultureInfo.InvariantCulture, out var topK) || topK < 1)
        {
            Console.Error.WriteLine($"--top-k must be a whole number of at least 1, not '{options["top-k"]}'.");
            return 2;
        }
        if (mode == "climate-fever" && !File.Exists(options["data"]))
        {
            Console.Error.WriteLine($"No data file '{options["data"]}'.");
            return 2;
        }
        if (mode == "samples" && options.TryGetValue("claims", out var claimsFile) && !File.Exists(claimsFile))
        {
            Console.Error.WriteLine($"No claims file '{claimsFile}'.");
            return 2;
        }
        return mode == "samples"
            ? await RunSamplesAsync(connection, inference, topK, options)
            : await RunClimateFeverAsync(connection, inference, options["data"], topK, options);
    }

    private static async Task<int> RunSamplesAsync(string connection, string inference, int topK, Dictionary<string, string> options)
    {
        var claims = options.TryGetValue("claims", out var claimsFile)
            ? SampleDataFiles.ParseClaims(await File.ReadAllBytesAsync(claimsFile))
            : SampleDataFiles.ReadClaims();
        var corpus = SampleDataFiles.ParseCorpus();
        var label = claimsFile is null ? "sample claims" : $"claims from {Path.GetFileName(claimsFile)}";
        Console.WriteLine($"{claims.Count} {label}, {corpus.Sentences.Count} sample corpus sentences");
        await using var pipeline = await Pipeline.StartAsync(connection, inference, options);
        await pipeline.IngestAsync(corpus.Sentences);
        await pipeline.WarmUpAsync(topK);
        double? retrievalFloor = options.ContainsKey("claims-out") ? pipeline.Settings.DefaultMinSimilarity : null;
        var results = new List<VerificationResult>(claims.Count);
        foreach (var claim in claims)
        {
            results.Add((await pipeline.Verifier.VerifyAsync([claim.Claim], topK, retrievalFloor, CancellationToken.None))[0]);
        }
        var check = SampleClaimsCheck.From(claims, [.. results.Select(r => r.Verdict)]);
        if (options.TryGetValue("claims-out", out var claimsPath))
        {
            // SampleClaimsCheck.From has already rejected an unknown expected verdict.
            await ClaimScoresFile.WriteAsync(claimsPath, [.. claims.Select((c, i) => new ClaimScoresFile.Entry(
                $"sample-{i + 1}", c.Claim, c.Topic, VerdictNames.TryParse(c.ExpectedVerdict, out var expected) ? expected : default, results[i]))]);
            Console.WriteLine($"per-claim evidence scores written to {claimsPath}");
        }
        Console.WriteLine();
        Console.WriteLine($"models: embedding {pipeline.Settings.EmbeddingModel}, NLI {pipeline.Settings.NliModel}; top-k {topK}");
        check.Print(Console.Out, label);
        Console.WriteLine(WordingSummary(results, pipeline.Settings));
        if (options.TryGetValue("json", out var jsonPath))
        {
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(
                new { pipeline.Settings.EmbeddingModel, pipeline.Settings.NliModel, TopK = topK, SampleClaims = check }, ReportJson));
            Console.WriteLine($"report written to {jsonPath}");
        }
        return 0;
    }

    private static async Task<int> RunClimateFeverAsync(string connection, string inference, string data, int topK, Dictionary<string, string> options)
    {
        var claims = ClimateFeverClaims.Read(data);
        Console.WriteLine($"{claims.Count} claims, {claims.Sum(c => c.Evidence.Count)} labelled pairs from {data}");
        await using var pipeline = await Pipeline.StartAsync(connection, inference, options);
        var settings = pipeline.Settings;
        var nli = pipeline.Nli;
        var verifier = pipeline.Verifier;

        // 1. The corpus: every evidence sentence of the file (once per evidence_id), through the ingestion pipeline.
        var parsed = ClimateFeverParser.Parse(new StringReader(await File.ReadAllTextAsync(data)), new ParseOptions("eval", null));
        var ingestRate = await pipeline.IngestAsync(parsed.Sentences);

        // 2. Every claim through the verification pipeline, one at a time as a user would send them.
        await pipeline.WarmUpAsync(topK);
        // Tuning searches the relevance floor too, so it needs the evidence the model's current floor would leave out.
        double? retrievalFloor = options.ContainsKey("tune") || options.ContainsKey("claims-out") ? settings.DefaultMinSimilarity : null;
        var results = new List<VerificationResult>(claims.Count);
        foreach (var claim in claims)
        {
            results.Add((await verifier.VerifyAsync([claim.Claim], topK, retrievalFloor, CancellationToken.None))[0]);
        }

        // 3. The same claims again: now answered by the result cache.
        var cacheHits = new List<double>(claims.Count);
        foreach (var claim in claims)
        {
            var started = Stopwatch.GetTimestamp();
            await verifier.VerifyAsync([claim.Claim], topK, retrievalFloor, CancellationToken.None);
            cacheHits.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        // 4. The NLI stage alone on every gold (evidence, claim) pair, as the pipeline sends it: pair-level metrics and pairs/s.
        var goldPairs = claims.SelectMany(c => c.Evidence.Select(e => (Pair: ModelInput.Pair(e.Text, c.Claim), e.PairLabel))).ToList();
        var clock = Stopwatch.StartNew();
        var pairScores = new List<NliScore>(goldPairs.Count);
        foreach (var chunk in goldPairs.Chunk(64))
        {
            pairScores.AddRange((await nli.ClassifyAsync(chunk.Select(p => p.Pair).ToList(), settings.NliModel, CancellationToken.None)).Data);
        }
        var pairsPerSecond = goldPairs.Count / clock.Elapsed.TotalSeconds;

        var report = EvaluationReport.Build(claims, results, goldPairs.Select(p => p.PairLabel).ToList(), pairScores,
            cacheHits, ingestRate, pairsPerSecond, topK, settings);
        report.Print(Console.Out);
        Console.WriteLine(WordingSummary(results, settings));
        if (options.ContainsKey("tune"))
        {
            var tuned = ThresholdSearch.Best(claims, results);
            Console.WriteLine($"thresholds that maximise claim macro-F1 on this file: {Describe(tuned)}");
            var shifted = ThresholdSearch.Best(claims, results, searchOffsets: true);
            Console.WriteLine($"with the log-prob offsets shifted too: add [{string.Join(", ", shifted.OffsetShift.Select(d => d.ToString("+0.00;-0.00;0", CultureInfo.InvariantCulture)))}] " +
                $"(entailment, neutral, contradiction) to the manifest's logProbOffsets, {Describe(shifted)}");
        }
        if (options.TryGetValue("claims-out", out var claimsPath))
        {
            await ClaimScoresFile.WriteAsync(claimsPath, ClaimScoresFile.Pair(claims, results));
            Console.WriteLine($"per-claim evidence scores written to {claimsPath}");
        }
        if (options.TryGetValue("json", out var jsonPath))
        {
            await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(report, ReportJson));
            Console.WriteLine($"report written to {jsonPath}");
        }
        return 0;
    }

    /// <summary>The pipeline of one run: an evaluation database of its own, the inference service's clients and the verifier.</summary>
    private sealed class Pipeline : IAsyncDisposable
    {
        private readonly EvaluationDatabase _database;
        private readonly HttpClient _http;
        private readonly HttpEmbeddingClient _embeddings;
        private readonly PgvectorEvidenceStore _store;

        private Pipeline(EvaluationDatabase database, HttpClient http, VerificationOptions settings)
        {
            _database = database;
            _http = http;
            Settings = settings;
            _embeddings = new HttpEmbeddingClient(http);
            Nli = new HttpNliClient(http);
            _store = new PgvectorEvidenceStore(database.DataSource);
            Verifier = new VerificationService(_embeddings, _store, new CorpusNames(database.DataSource), Nli, new VerificationRepository(database.DataSource),
                new VerificationResultCache(Options.Create(settings)), Options.Create(settings), TimeProvider.System);
        }

        public VerificationOptions Settings { get; }

        public HttpNliClient Nli { get; }

        public VerificationService Verifier { get; }

        public static async Task<Pipeline> StartAsync(string connection, string inference, Dictionary<string, string> options)
        {
            var database = await EvaluationDatabase.CreateAsync(connection, keep: options.ContainsKey("keep-database"));
            Console.WriteLine($"isolated corpus: database {database.Name}");
            await new DatabaseMigrator(database.DataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
            // --nli-model compares another NLI model through the same pipeline before it becomes the default.
            var settings = new VerificationOptions();
            settings.NliModel = options.GetValueOrDefault("nli-model", settings.NliModel);
            // --no-wording-checks measures the NLI model's own reading, as a user got it before the checks existed.
            settings.WordingChecks = !options.ContainsKey("no-wording-checks");
            var http = new HttpClient { BaseAddress = new Uri(inference), Timeout = TimeSpan.FromMinutes(5) };
            return new Pipeline(database, http, settings);
        }

        /// <summary>Loads sentences through the ingestion pipeline; returns sentences per second.</summary>
        public async Task<double> IngestAsync(IReadOnlyList<ParsedSentence> sentences)
        {
            var clock = Stopwatch.StartNew();
            await new IngestionPipeline(_embeddings, _store, NullLogger<IngestionPipeline>.Instance) { BatchSize = 128 }
                .RunAsync(sentences, 0, Settings.EmbeddingModel, null, 0, CancellationToken.None);
            var rate = sentences.Count / clock.Elapsed.TotalSeconds;
            Console.WriteLine($"ingested {sentences.Count} sentences in {clock.Elapsed.TotalSeconds:F1} s ({rate:F0} sentences/s)");
            return rate;
        }

        /// <summary>The pipeline's first call pays for connections and lazy loading; measured calls come after it.</summary>
        public Task WarmUpAsync(int topK) =>
            Verifier.VerifyAsync(["Warm-up: the pipeline's first call pays for connections and lazy loading."], topK, null, CancellationToken.None);

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            await _database.DisposeAsync();
        }
    }

    /// <summary>How often the wording checks overruled the NLI model in this run, and how often that decided a verdict.</summary>
    private static string WordingSummary(IReadOnlyList<VerificationResult> results, VerificationOptions settings)
    {
        if (!settings.WordingChecks)
        {
            return "wording checks: off (--no-wording-checks): every verdict is the NLI model's reading";
        }
        var overruled = results.SelectMany(r => r.Evidence).Where(e => e.Overruled is not null).ToList();
        var byKind = Enum.GetValues<WordingMatch>().Where(m => m != WordingMatch.None)
            .Select(m => $"{JsonSerializer.Serialize(m).Trim('"')} {overruled.Count(e => e.Overruled == m)}");
        return $"wording checks: on; sentences that overruled the NLI model over {results.Count} claims: {string.Join(", ", byKind)}; " +
            $"{overruled.Count(e => e.Deciding)} of them deciding";
    }

    /// <summary>A tuning outcome as the lines of <c>--tune</c> print it, ready to copy into <c>publish --thresholds</c>.</summary>
    private static string Describe(ThresholdSearch.Outcome outcome)
    {
        var t = outcome.Thresholds;
        var margin = t.DisputeMargin is { } m ? $", dispute margin {m:F2}" : ", no dispute margin";
        return $"support {t.Support:F2}, refute {t.Refute:F2}, evidence similarity >= {t.MinSimilarity:F2} (to refute >= {t.RefuteFloor:F2})" +
            $"{margin} -> claim macro-F1 {outcome.ClaimMacroF1:F3}";
    }
}
