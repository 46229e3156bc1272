using System.Text.Json;

namespace TruthGraph.Inference.Models;

/// <summary>
/// The manifest entry written beside an INT8 model in the model cache (<c>&lt;id&gt;.int8-&lt;method&gt;-&lt;encoding&gt;.json</c>): what it
/// was made from and how, so that a changed source model or a newer rewrite is noticed and the file rebuilt.
/// </summary>
public sealed record QuantizedModelRecord
{
    public required string ModelId { get; init; }
    public string Precision { get; init; } = "int8";
    public required string Method { get; init; }

    /// <summary><c>s8</c> | <c>s7</c> | <c>u8</c> (<see cref="Onnx.Quantization.Int8WeightEncoding"/>); null for weight-only, which has none.</summary>
    public string? WeightEncoding { get; init; }

    /// <summary>The fp32 weights it was made from: where they come from, their sha256 and size.</summary>
    public required string SourceWeights { get; init; }
    public required string SourceSha256 { get; init; }
    public required long SourceBytes { get; init; }

    /// <summary>The INT8 file, a name in the same folder, with its own sha256 and size.</summary>
    public required string File { get; init; }
    public required string Sha256 { get; init; }
    public required long Bytes { get; init; }

    public required DateTimeOffset Created { get; init; }
    public required string Quantizer { get; init; }
    public required double Seconds { get; init; }
    public required IReadOnlyList<string> QuantizedLayers { get; init; }
    public required IReadOnlyList<string> KeptFloat { get; init; }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
