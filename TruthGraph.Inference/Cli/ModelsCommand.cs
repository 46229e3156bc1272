using Spectre.Console;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Onnx.Quantization;

namespace TruthGraph.Inference.Cli;

/// <summary>
/// <c>models list [--models-dir DIR] [--cache-dir DIR]</c> and <c>models pull &lt;id&gt; [--models-dir DIR] [--cache-dir DIR]</c>:
/// lists the manifests with what is already in the model cache, and downloads a model's <c>url</c> files into it
/// (progress, resume of a partial download, sha256 check). The defaults are the service's: manifests beside the
/// binary, the per-user cache; so a pulled model is what the service then finds.
/// </summary>
public static class ModelsCommand
{
    private const string Usage = "usage: models list | models pull <id> | models quantize <id> [--method dynamic|per-token|mixed|weight-only|all] [--encodings auto|s8,s7,u8|all] [--force]"
        + " | models accuracy [<id>] [--methods dynamic,per-token,mixed,weight-only] [--encodings auto|s8,s7,u8|all] [--data FILE] [--json FILE]; all take [--models-dir DIR] [--cache-dir DIR]";

    public static async Task<int> RunAsync(string[] args, IAnsiConsole? console = null, CancellationToken cancellationToken = default)
    {
        console ??= AnsiConsole.Console;
        var modelsDir = Option(args, "--models-dir") ?? Path.Combine(AppContext.BaseDirectory, "models");
        var cacheDir = Option(args, "--cache-dir") ?? ArtifactLoader.DefaultCacheDirectory;
        var positional = Positional(args);
        try
        {
            switch (positional)
            {
                case ["list"]:
                    List(console, ModelCatalog.Load(modelsDir).ToList(), cacheDir);
                    return 0;
                case ["pull", var id]:
                    return await PullAsync(console, ModelCatalog.Load(modelsDir).ToList(), id, cacheDir, cancellationToken);
                case ["accuracy"]:
                    return await AccuracyCommand.RunAsync(console, "all-minilm-l6-v2", Options(args), modelsDir, cacheDir, cancellationToken);
                case ["accuracy", var id]:
                    return await AccuracyCommand.RunAsync(console, id, Options(args), modelsDir, cacheDir, cancellationToken);
                case ["quantize", var id]:
                    return await QuantizeCommand.RunAsync(console, ModelCatalog.Load(modelsDir).ToList(), id, Option(args, "--method"),
                        Option(args, "--encodings"), args.Contains("--force"), cacheDir, cancellationToken);
                default:
                    console.MarkupLine(Markup.Escape(Usage));
                    return 64;
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or HttpRequestException or UnauthorizedAccessException)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
            return 1;
        }
    }

    private static void List(IAnsiConsole console, List<ModelManifest> manifests, string cacheDir)
    {
        var table = new Table().AddColumns("id", "task", "architecture", "weights", "here", "enabled", "int8 in cache");
        var int8 = new QuantizedModelStore(cacheDir);
        foreach (var m in manifests.OrderBy(m => m.Id, StringComparer.Ordinal))
        {
            var here = ArtifactLoader.WhyUnavailable(m, cacheDir) is null;
            var quantized = QuantizationMethods.All
                .SelectMany(method => Int8WeightEncodings.All.Select(e => (Method: method, Encoding: Int8WeightEncodings.For(method, e) ?? Int8WeightEncoding.Signed8)).Distinct())
                .Where(c => int8.TryReadRecord(m.Id, c.Method, c.Encoding) is not null)
                .Select(c => Int8WeightEncodings.For(c.Method, c.Encoding) is { } e ? $"{c.Method.Name()}-{e.Name()}" : c.Method.Name())
                .Distinct().ToList();
            table.AddRow(Markup.Escape(m.Id), m.Task.ToString().ToLowerInvariant(), Markup.Escape(m.Architecture?.ManifestName() ?? "-"),
                Markup.Escape(m.Weights.Kind), here ? "yes" : "[yellow]no (models pull)[/]", m.Enabled ? "yes" : "no",
                quantized.Count == 0 ? "-" : string.Join(", ", quantized));
        }
        console.Write(table);
        console.MarkupLineInterpolated($"model cache: {cacheDir}");
    }

    private static async Task<int> PullAsync(IAnsiConsole console, List<ModelManifest> manifests, string id, string cacheDir,
        CancellationToken cancellationToken)
    {
        var manifest = manifests.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase));
        if (manifest is null)
        {
            console.MarkupLineInterpolated($"[red]error:[/] no manifest has id '{id}'; `models list` shows them.");
            return 2;
        }
        if (!ModelPuller.UrlArtifacts(manifest).Any())
        {
            console.MarkupLineInterpolated($"{manifest.Id}: nothing to pull (its files ship with the service).");
            return 0;
        }
        IReadOnlyList<PulledArtifact> pulled = [];
        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn(), new TransferSpeedColumn())
            .StartAsync(async context =>
            {
                pulled = await ModelPuller.PullAsync(manifest, cacheDir, role =>
                {
                    var task = context.AddTask($"{manifest.Id} {role}", autoStart: true, maxValue: 1);
                    return new InlineProgress<DownloadProgress>(p =>
                    {
                        task.IsIndeterminate = p.Total is null;
                        task.MaxValue = p.Total ?? Math.Max(1, p.Received);
                        task.Value = p.Received;
                    });
                }, cancellationToken);
            });
        foreach (var file in pulled)
        {
            console.MarkupLineInterpolated($"{file.Role}: {(file.Downloaded ? "downloaded, sha256 verified" : "already in the cache")} → {file.Path}");
        }
        return 0;
    }

    private static readonly string[] Flags = ["--force"];

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && !Flags.Contains(args[i]) && i + 1 < args.Length)
            {
                options[args[i]] = args[++i];
            }
        }
        return options;
    }

    private static string[] Positional(string[] args)
    {
        var result = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                if (!Flags.Contains(args[i]))
                {
                    i++;
                }
                continue;
            }
            result.Add(args[i]);
        }
        return [.. result];
    }
}
