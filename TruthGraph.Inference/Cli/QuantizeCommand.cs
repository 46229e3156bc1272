using System.Globalization;
using Spectre.Console;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Onnx.Quantization;

namespace TruthGraph.Inference.Cli;

/// <summary>
/// <c>models quantize &lt;id&gt; [--method dynamic|per-token|mixed|weight-only|all] [--encodings auto|s8,s7,u8|all] [--force]</c>: writes
/// the INT8 variant of a catalogue model into the model cache folder with its manifest entry, the same file the service loads for
/// <c>Inference:Precision:&lt;id&gt; = int8</c> (by default in the weight encoding this CPU needs). An up-to-date file is reused unless <c>--force</c>.
/// </summary>
public static class QuantizeCommand
{
    public static async Task<int> RunAsync(IAnsiConsole console, IReadOnlyList<ModelManifest> manifests, string id, string? methodArgument,
        string? encodingArgument, bool force, string cacheDir, CancellationToken cancellationToken)
    {
        var manifest = manifests.FirstOrDefault(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase));
        if (manifest is null)
        {
            console.MarkupLineInterpolated($"[red]error:[/] no manifest has id '{id}'; `models list` shows them.");
            return 2;
        }
        if (manifest.Architecture == NliArchitecture.BiEncoderHead)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {manifest.Id} is a small head on {manifest.Encoder}'s embeddings; quantize {manifest.Encoder} instead.");
            return 2;
        }
        IReadOnlyList<QuantizationMethod> methods;
        if (string.Equals(methodArgument, "all", StringComparison.OrdinalIgnoreCase))
        {
            methods = QuantizationMethods.All;
        }
        else if (methodArgument is null)
        {
            methods = [QuantizationMethods.Default];
        }
        else if (QuantizationMethods.TryParse(methodArgument, out var method))
        {
            methods = [method];
        }
        else
        {
            console.MarkupLineInterpolated($"[red]error:[/] --method '{methodArgument}' is not one of {QuantizationMethods.Names} | all.");
            return 64;
        }

        if (Int8WeightEncodings.ParseList(encodingArgument) is not { } encodings)
        {
            console.MarkupLineInterpolated($"[red]error:[/] --encodings '{encodingArgument}' is not auto, all or a list of {Int8WeightEncodings.Names}.");
            return 64;
        }

        var store = new QuantizedModelStore(cacheDir);
        var table = new Table().AddColumns("method", "weights", "layers int8", "kept fp32", "fp32 → int8 file", "seconds", "file");
        foreach (var (method, encoding) in methods.SelectMany(m => encodings.Select(e => (m, Int8WeightEncodings.For(m, e) ?? Int8WeightEncoding.Signed8))).Distinct())
        {
            var result = await store.GetOrCreateAsync(manifest, method, encoding, force, cancellationToken);
            var r = result.Record;
            table.AddRow(method.Name(), r.WeightEncoding ?? "-", r.QuantizedLayers.Count.ToString(CultureInfo.InvariantCulture), r.KeptFloat.Count.ToString(CultureInfo.InvariantCulture),
                $"{Mib(r.SourceBytes)} → {Mib(r.Bytes)} MiB", result.CreatedNow ? r.Seconds.ToString("F2", CultureInfo.InvariantCulture) : "reused",
                Markup.Escape(r.File));
        }
        console.Write(table);
        console.MarkupLineInterpolated($"in {cacheDir}, each with its manifest entry (*.json); source: {manifest.Weights}.");
        console.MarkupLineInterpolated($"This CPU: {Int8CpuSupport.Current.Features}; auto weight encoding {Int8CpuSupport.Current.Recommended.Name()} ({Int8CpuSupport.Current.Reason}).");
        console.MarkupLineInterpolated($"Serve with Inference:Precision:{manifest.Id}=int8 (method: Inference:Int8Method, default {QuantizationMethods.Default.Name()}).");
        return 0;
    }

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture);
}
