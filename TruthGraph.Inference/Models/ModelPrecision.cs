using TruthGraph.Inference.Onnx.Quantization;

namespace TruthGraph.Inference.Models;

/// <summary>
/// The arithmetic a model's weights run in: fp32 as shipped, or an INT8 rewrite made with <see cref="Int8Method"/> and weights
/// stored as <see cref="WeightEncoding"/> (chosen for the CPU, <see cref="Int8CpuSupport"/>; <see cref="WeightEncodingReason"/> says why).
/// </summary>
public sealed record ModelPrecision(QuantizationMethod? Int8Method, Int8WeightEncoding WeightEncoding = Int8WeightEncoding.Signed8,
    string? WeightEncodingReason = null)
{
    public static readonly ModelPrecision Fp32 = new((QuantizationMethod?)null);

    public static readonly IReadOnlyList<string> Names = ["fp32", "int8"];

    public static ModelPrecision Int8(QuantizationMethod method, Int8WeightEncoding encoding, string? reason = null) => new(method, encoding, reason);

    public bool IsInt8 => Int8Method is not null;

    /// <summary><c>fp32</c> or <c>int8</c>, as configured and as /v1/models shows it.</summary>
    public string Name => IsInt8 ? "int8" : "fp32";

    /// <summary>The encoding the INT8 file is made with; null for fp32 and for methods without one (weight-only).</summary>
    public Int8WeightEncoding? EffectiveEncoding => Int8Method is { } method ? Int8WeightEncodings.For(method, WeightEncoding) : null;

    public override string ToString() => Int8Method is { } method
        ? EffectiveEncoding is { } encoding ? $"int8 ({method.Name()}, {encoding.Name()})" : $"int8 ({method.Name()})"
        : "fp32";

    /// <summary>Reads an <c>Inference:Precision</c> value; <c>int8</c> takes <paramref name="int8Method"/> and <paramref name="encoding"/>.</summary>
    public static bool TryParse(string? value, QuantizationMethod int8Method, (Int8WeightEncoding Encoding, string Reason) encoding, out ModelPrecision precision)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "fp32" or "":
                precision = Fp32;
                return true;
            case "int8":
                precision = Int8(int8Method, encoding.Encoding, encoding.Reason);
                return true;
            default:
                precision = Fp32;
                return false;
        }
    }
}
