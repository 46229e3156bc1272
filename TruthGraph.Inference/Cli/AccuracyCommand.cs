using System.Text.Json;
using Spectre.Console;
using TruthGraph.Inference.Accuracy;
using TruthGraph.Inference.Bench;
using TruthGraph.Inference.Hosting;
using TruthGraph.Inference.Onnx.Quantization;

namespace TruthGraph.Inference.Cli;

/// <summary>
/// <c>models accuracy [&lt;id&gt;] [--methods dynamic,per-token,mixed,weight-only] [--encodings auto|s8,s7,u8|all] [--data FILE] [--k 10] [--device cpu] [--markdown FILE] [--json FILE]</c>:
/// fp32 against each INT8 method on CLIMATE-FEVER dev (see <see cref="Int8AccuracyCheck"/>), with the issue's targets and the
/// method they recommend. Claim-level verdict F1 needs the whole pipeline: run <c>scripts/eval.sh</c> with and without
/// <c>INFERENCE_ARGS=--Inference:Precision:all-minilm-l6-v2=int8</c>.
/// </summary>
public static class AccuracyCommand
{
    public static async Task<int> RunAsync(IAnsiConsole console, string modelId, IReadOnlyDictionary<string, string> options, string modelsDir,
        string cacheDir, CancellationToken cancellationToken)
    {
        var methods = new List<QuantizationMethod>();
        foreach (var name in options.GetValueOrDefault("--methods", string.Join(",", QuantizationMethods.All.Select(m => m.Name())))
                     .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!QuantizationMethods.TryParse(name, out var method))
            {
                console.MarkupLineInterpolated($"[red]error:[/] --methods: '{name}' is not one of {QuantizationMethods.Names}.");
                return 64;
            }
            methods.Add(method);
        }
        if (Int8WeightEncodings.ParseList(options.GetValueOrDefault("--encodings")) is not { } encodings)
        {
            console.MarkupLineInterpolated($"[red]error:[/] --encodings: '{options.GetValueOrDefault("--encodings")}' is not auto, all or a list of {Int8WeightEncodings.Names}.");
            return 64;
        }
        var data = options.GetValueOrDefault("--data") ?? SharedData.PathOf("climate-fever", "dev.jsonl");
        var k = int.TryParse(options.GetValueOrDefault("--k"), out var parsedK) && parsedK > 0 ? parsedK : 10;
        var set = ClimateFeverSet.Read(data);

        string[] settings =
        [
            "--Inference:Device=" + options.GetValueOrDefault("--device", "auto"), "--Inference:WarmUp=false", "--Logging:LogLevel:Default=Warning",
            "--Inference:ModelsDirectory=" + modelsDir, "--Inference:ModelCacheDirectory=" + cacheDir,
        ];
        await using var app = InferenceApp.Build(settings);
        var report = await new Int8AccuracyCheck(app.Services).RunAsync(modelId, methods, encodings, set, k, line => console.MarkupLineInterpolated($"  {line}"), cancellationToken);
        report.Render(console);
        if (options.GetValueOrDefault("--markdown") is { } markdown)
        {
            await File.WriteAllTextAsync(markdown, report.ToMarkdown(), cancellationToken);
        }
        if (options.GetValueOrDefault("--json") is { } json)
        {
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }), cancellationToken);
        }
        console.MarkupLine("Claim-level macro-F1 goes through retrieval and the verdict rule: compare `scripts/eval.sh` runs with and without "
            + "INFERENCE_ARGS=--Inference:Precision:all-minilm-l6-v2=int8.");
        return 0;
    }
}
