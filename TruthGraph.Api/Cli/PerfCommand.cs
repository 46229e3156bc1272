using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Spectre.Console;
using TruthGraph.Api.Jobs;
using TruthGraph.Api.Performance;
using TruthGraph.Api.SampleData;

namespace TruthGraph.Api.Cli;

/// <summary>
/// <c>perf sweep|profile|e2e --inference URL [--connection CS] [options] [--json [FILE]]</c>: the same jobs as
/// <c>/api/sweeps</c>, <c>/api/profiles</c> and <c>/api/perf-runs</c>, run in this process against a running inference
/// service, with a progress bar and tables at the end. With a connection string the run is recorded in the database's
/// history like one started through the API (and e2e needs one: it verifies against that database's evidence).
/// </summary>
public static class PerfCommand
{
    public const string Name = "perf";

    private const string Usage = """
        usage: perf sweep   --inference URL [--api-key KEY] [--connection CS] [--model ID] [--batch-sizes 1,2,4 | --min-batch N --max-batch N]
                            [--memory-limit-mib N | --memory-headroom-mib N] [--seconds-per-step S] [--texts N] [--apply] [--json [FILE]]
               perf profile --inference URL [--api-key KEY] [--connection CS] [--models ID,ID] [--seconds-per-component S] [--no-sample]
                            [--sample-seconds S] [--claims N] [--texts N] [--trace-out FILE] [--json [FILE]]
               perf e2e     --inference URL [--api-key KEY] --connection CS [--claims 5] [--top-k 10] [--repetitions 1] [--no-warmup]
                            [--throughput-texts 256] [--target-p50-ms 60] [--target-p95-ms 150] [--target-embedding 250]
                            [--target-nli 1000] [--target-memory-mib 1536] [--json [FILE]]
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = CommandArgs.Parse(args);
        var what = options.GetValueOrDefault("$0");
        if (what is not ("sweep" or "profile" or "e2e") || !options.TryGetValue("inference", out var inferenceUrl)
            || (what == "e2e" && !options.ContainsKey("connection")))
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        var settings = new VerificationOptions();
        using var http = new HttpClient { BaseAddress = new Uri(inferenceUrl), Timeout = Timeout.InfiniteTimeSpan };
        // The inference service's sweeps and profiles need its API key.
        if (CommandArgs.ApiKey(options) is { } apiKey)
        {
            http.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, apiKey);
        }
        var inference = new InferencePerfClient(http);
        await using var dataSource = await OpenDatabaseAsync(options.GetValueOrDefault("connection"));
        var jobs = dataSource is null ? null : new PerfJobRepository(dataSource, new JobRunner());

        var (kind, request, errors) = what switch
        {
            "sweep" => Sweep(options, settings),
            "profile" => Profile(options, settings),
            _ => PerfRun(options, settings),
        };
        if (errors.Count > 0)
        {
            foreach (var (field, reasons) in errors)
            {
                Console.Error.WriteLine($"{field}: {string.Join(" ", reasons)}");
            }
            return 2;
        }
        using var pipelineHttp = new HttpClient { BaseAddress = new Uri(inferenceUrl), Timeout = TimeSpan.FromMinutes(5) };
        var job = await BuildJobAsync(kind, inference, pipelineHttp, dataSource, jobs, settings);
        var json = options.GetValueOrDefault("json");
        var console = json == "true" ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }) : AnsiConsole.Console;
        if (!console.Profile.Capabilities.Interactive)
        {
            // Redirected to a file or a CI log: 80 columns would fold every table.
            console.Profile.Width = Math.Max(console.Profile.Width, 150);
        }

        Guid id;
        try
        {
            id = jobs is null ? Guid.CreateVersion7() : await jobs.CreateAsync(kind, (request as SweepJobRequest)?.Model, request, CancellationToken.None, running: true);
        }
        catch (PerfJobConflictException conflict)
        {
            Console.Error.WriteLine($"{conflict.Message} (job {conflict.ActiveJob}); cancel it first: DELETE /api/sweeps/{conflict.ActiveJob}");
            return 3;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        PerfJobOutcome? outcome = null;
        string? failure = null;
        PerfJobContext? context = null;
        try
        {
            outcome = await PerfProgressView.RunAsync(console, kind, async report =>
            {
                context = new PerfJobContext(id, kind, JsonSerializer.SerializeToElement(request, request.GetType(), PerfJobRepository.Json), report);
                return await job.RunAsync(context, cancel.Token);
            });
        }
        catch (Exception ex) when (ex is InferenceServiceException or HttpRequestException or InvalidOperationException or NpgsqlException
                                   or OperationCanceledException)
        {
            failure = ex is OperationCanceledException ? "cancelled" : ex.Message;
        }
        if (jobs is not null)
        {
            if (outcome is not null)
            {
                await jobs.CompleteAsync(id, outcome, context?.Latest, CancellationToken.None);
            }
            else
            {
                await jobs.EndAsync(id, failure == "cancelled" ? JobStatus.Cancelled : JobStatus.Failed, failure, context?.Latest, CancellationToken.None);
            }
        }
        if (outcome is null)
        {
            Console.Error.WriteLine($"{kind.Name()} failed: {failure}");
            return 1;
        }
        await WriteResultAsync(console, kind, id, outcome, json, options.GetValueOrDefault("trace-out"), jobs is not null);
        return 0;
    }

    private static async Task WriteResultAsync(IAnsiConsole console, PerfJobKind kind, Guid id, PerfJobOutcome outcome, string? json, string? traceOut, bool recorded)
    {
        var text = JsonSerializer.Serialize(outcome.Result, outcome.Result.GetType(), new JsonSerializerOptions(PerfJobRepository.Json) { WriteIndented = true });
        if (json == "true")
        {
            Console.Out.WriteLine(text);
        }
        else
        {
            PerfTables.Render(console, outcome.Result);
            if (json is not null)
            {
                await File.WriteAllTextAsync(json, text);
                console.MarkupLineInterpolated($"report written to {json}");
            }
        }
        if (outcome.Artifact is { } artifact)
        {
            var path = traceOut ?? Path.Combine(Path.GetTempPath(), "truthgraph-profiles", outcome.ArtifactName!);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllBytesAsync(path, artifact);
            console.MarkupLineInterpolated($"CPU samples (speedscope JSON, open at https://www.speedscope.app): {Path.GetFullPath(path)}");
        }
        console.MarkupLineInterpolated($"{outcome.Summary}");
        if (recorded)
        {
            console.MarkupLineInterpolated($"recorded as {kind.Route()}/{id}");
        }
    }

    private static async Task<NpgsqlDataSource?> OpenDatabaseAsync(string? connection)
    {
        if (connection is null)
        {
            return null;
        }
        var builder = new NpgsqlDataSourceBuilder(connection);
        builder.UseVector();
        var dataSource = builder.Build();
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        return dataSource;
    }

    private static async Task<IPerfJob> BuildJobAsync(PerfJobKind kind, InferencePerfClient inference, HttpClient http, NpgsqlDataSource? dataSource,
        PerfJobRepository? jobs, VerificationOptions settings)
    {
        var workload = new WorkloadSource(dataSource);
        if (kind == PerfJobKind.Sweep)
        {
            return new SweepJob(inference, workload, jobs);
        }
        PipelineParts? pipeline = null;
        if (dataSource is not null)
        {
            var embeddings = new HttpEmbeddingClient(http);
            var store = new PgvectorEvidenceStore(dataSource);
            var verifier = new VerificationService(embeddings, store, new CorpusNames(dataSource), new HttpNliClient(http), new VerificationRepository(dataSource),
                new VerificationResultCache(Options.Create(settings)), Options.Create(settings), TimeProvider.System);
            pipeline = new PipelineParts(verifier, embeddings, store, dataSource);
            if (await workload.EvidenceCountAsync(CancellationToken.None) == 0)
            {
                // The command's own convenience (the service's seeder does this at its first start): an empty store gets the sample corpus.
                Console.Error.WriteLine("The evidence store is empty: loading the sample corpus first.");
                var parsed = SampleDataFiles.ParseCorpus();
                await new IngestionPipeline(embeddings, store, NullLogger<IngestionPipeline>.Instance)
                    .RunAsync(parsed.Sentences, 0, settings.EmbeddingModel, null, 0, CancellationToken.None);
            }
        }
        return kind == PerfJobKind.Profile
            ? new ProfileJob(inference, workload, Options.Create(settings), pipeline)
            : new PerfRunJob(pipeline!.Verifier, pipeline.Embeddings, new HttpNliClient(http), inference, workload, dataSource!, Options.Create(settings));
    }

    private static (PerfJobKind, object, Dictionary<string, string[]>) Sweep(Dictionary<string, string> o, VerificationOptions settings)
    {
        var request = new SweepJobRequest(o.GetValueOrDefault("model") ?? settings.EmbeddingModel, Ints(o, "batch-sizes"), Int(o, "min-batch"),
            Int(o, "max-batch"), Double(o, "memory-limit-mib"), Double(o, "memory-headroom-mib"), Double(o, "seconds-per-step"),
            Int(o, "texts") ?? SweepJob.DefaultTexts, o.ContainsKey("apply"));
        return (PerfJobKind.Sweep, request, PerfRequestValidator.Validate(request));
    }

    private static (PerfJobKind, object, Dictionary<string, string[]>) Profile(Dictionary<string, string> o, VerificationOptions settings)
    {
        var models = o.GetValueOrDefault("models")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                     ?? [settings.EmbeddingModel, settings.NliModel];
        var request = new ProfileJobRequest(models, Double(o, "seconds-per-component"), !o.ContainsKey("no-sample"), Double(o, "sample-seconds"),
            Int(o, "claims") ?? ProfileJob.DefaultClaims, Int(o, "texts") ?? ProfileJob.DefaultTexts);
        return (PerfJobKind.Profile, request, PerfRequestValidator.Validate(request));
    }

    private static (PerfJobKind, object, Dictionary<string, string[]>) PerfRun(Dictionary<string, string> o, VerificationOptions settings)
    {
        var targets = PerfTargets.Defaults.Over(new PerfTargets(Double(o, "target-p50-ms"), Double(o, "target-p95-ms"), Double(o, "target-embedding"),
            Double(o, "target-nli"), Double(o, "target-memory-mib")));
        var request = new PerfRunRequest(Int(o, "claims") ?? 5, Int(o, "top-k") ?? 10, !o.ContainsKey("no-warmup"), Int(o, "repetitions") ?? 1,
            Int(o, "throughput-texts") ?? 256, targets);
        return (PerfJobKind.PerfRun, request, PerfRequestValidator.Validate(request, settings));
    }

    private static int? Int(Dictionary<string, string> o, string name) =>
        o.TryGetValue(name, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static double? Double(Dictionary<string, string> o, string name) =>
        o.TryGetValue(name, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static int[]? Ints(Dictionary<string, string> o, string name) => o.TryGetValue(name, out var text)
        ? text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray()
        : null;
}
