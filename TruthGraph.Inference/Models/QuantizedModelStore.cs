using System.Diagnostics;
using System.Text.Json;
using TruthGraph.Inference.Onnx.Graph;
using TruthGraph.Inference.Onnx.Quantization;

namespace TruthGraph.Inference.Models;

/// <summary>An INT8 model's bytes with its manifest entry; <see cref="CreatedNow"/> when this call had to quantize.</summary>
public sealed record QuantizedModel(byte[] Bytes, QuantizedModelRecord Record, bool CreatedNow);

/// <summary>
/// INT8 variants of the catalogue's models in the model cache folder: <c>&lt;id&gt;.int8-&lt;method&gt;-&lt;encoding&gt;.onnx</c>
/// (weight-only: no encoding) beside its <see cref="QuantizedModelRecord"/>. The weight encoding is part of the name, so a cache
/// copied from a machine with another CPU is never served with the encoding this CPU did not choose. A file is reused only while
/// its record matches: same fp32 source (sha256), same rewrite version and encoding, and the file's own sha256; otherwise it is
/// made again from the source. Files are written under a
/// temporary name and moved into place, so a reader never sees half a model and two processes racing both end up
/// with a whole one.
/// </summary>
public sealed class QuantizedModelStore(string cacheDirectory)
{
    public string CacheDirectory { get; } = cacheDirectory;

    public static string QuantizerName => $"TruthGraph OnnxQuantizer {OnnxQuantizer.Version}";

    public string ModelPath(string modelId, QuantizationMethod method, Int8WeightEncoding encoding) =>
        Path.Combine(CacheDirectory, $"{FileStem(modelId, method, encoding)}.onnx");

    public string RecordPath(string modelId, QuantizationMethod method, Int8WeightEncoding encoding) =>
        Path.Combine(CacheDirectory, $"{FileStem(modelId, method, encoding)}.json");

    /// <summary>The record of the INT8 file in the cache, if there is one (not checked against the source).</summary>
    public QuantizedModelRecord? TryReadRecord(string modelId, QuantizationMethod method, Int8WeightEncoding encoding)
    {
        var path = RecordPath(modelId, method, encoding);
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<QuantizedModelRecord>(File.ReadAllText(path), QuantizedModelRecord.JsonOptions);
        }
        catch (JsonException)
        {
            return null; // a damaged record only means the file is made again
        }
    }

    /// <summary>The cached INT8 model if it still matches its source, else a newly quantized one written to the cache.</summary>
    /// <param name="force">Quantize again even if a matching file exists.</param>
    public async Task<QuantizedModel> GetOrCreateAsync(ModelManifest manifest, QuantizationMethod method, Int8WeightEncoding encoding, bool force,
        CancellationToken cancellationToken)
    {
        // The fp32 graph the manifest describes: for a fine-tuned model, the base weights with its adapter merged in.
        var source = await ModelWeights.ReadAsync(manifest, CacheDirectory, cancellationToken);
        var sourceSha = ArtifactLoader.Sha256Hex(source);
        if (!force && await TryReuseAsync(manifest.Id, method, encoding, sourceSha, cancellationToken) is { } cached)
        {
            return cached;
        }

        var clock = Stopwatch.StartNew();
        var sourceBytes = source.LongLength;
        var graph = OnnxGraph.Load(source);
        source = []; // the parsed graph holds the weights now; a 90 MB array less while the rewrite runs
        var result = OnnxQuantizer.Quantize(graph, method, encoding);
        if (result.Quantized.Count == 0)
        {
            throw new InvalidDataException($"Model '{manifest.Id}' has no MatMul/Gemm with a constant weight to quantize.");
        }
        var bytes = graph.ToBytes();
        var record = new QuantizedModelRecord
        {
            ModelId = manifest.Id,
            Method = method.Name(),
            WeightEncoding = Int8WeightEncodings.For(method, encoding)?.Name(),
            SourceWeights = manifest.Adapter is null ? manifest.Weights.ToString() : $"{manifest.Weights} + adapter {manifest.Adapter}",
            SourceSha256 = sourceSha,
            SourceBytes = sourceBytes,
            File = Path.GetFileName(ModelPath(manifest.Id, method, encoding)),
            Sha256 = ArtifactLoader.Sha256Hex(bytes),
            Bytes = bytes.LongLength,
            Created = DateTimeOffset.UtcNow,
            Quantizer = QuantizerName,
            Seconds = Math.Round(clock.Elapsed.TotalSeconds, 2),
            QuantizedLayers = result.Quantized,
            KeptFloat = result.KeptFloat,
        };
        Directory.CreateDirectory(CacheDirectory);
        await WriteAtomicallyAsync(ModelPath(manifest.Id, method, encoding), bytes, cancellationToken);
        await WriteAtomicallyAsync(RecordPath(manifest.Id, method, encoding), JsonSerializer.SerializeToUtf8Bytes(record, QuantizedModelRecord.JsonOptions), cancellationToken);
        return new QuantizedModel(bytes, record, CreatedNow: true);
    }

    private async Task<QuantizedModel?> TryReuseAsync(string modelId, QuantizationMethod method, Int8WeightEncoding encoding, string sourceSha,
        CancellationToken cancellationToken)
    {
        var record = TryReadRecord(modelId, method, encoding);
        var path = ModelPath(modelId, method, encoding);
        if (record is null || record.SourceSha256 != sourceSha || record.Quantizer != QuantizerName
            || record.WeightEncoding != Int8WeightEncodings.For(method, encoding)?.Name() || !File.Exists(path))
        {
            return null;
        }
        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        return ArtifactLoader.Sha256Hex(bytes) == record.Sha256 ? new QuantizedModel(bytes, record, CreatedNow: false) : null;
    }

    private static async Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temporary, bytes, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string FileStem(string modelId, QuantizationMethod method, Int8WeightEncoding encoding)
    {
        var safe = string.Concat(modelId.Select(c => Path.GetInvalidFileNameChars().Contains(c) ? '_' : c));
        return Int8WeightEncodings.For(method, encoding) is { } used ? $"{safe}.int8-{method.Name()}-{used.Name()}" : $"{safe}.int8-{method.Name()}";
    }
}
