using TruthGraph.Inference.Onnx.Quantization;

namespace TruthGraph.Inference.Models;

/// <summary>The arithmetic a model's weights run in: fp32 as shipped, or an INT8 rewrite made with <see cref="Int8Method"/>.</summary>
public sealed record ModelPrecision(QuantizationMethod? Int8Method)
{
    public static readonly ModelPrecision Fp32 = new((QuantizationMethod?)null);

    public static readonly IReadOnlyList<string> Names = ["fp32", "int8"];

    public static ModelPrecision Int8(QuantizationMethod method) => new(method);

    public bool IsInt8 => Int8Method is not null;

    /// <summary><c>fp32</c> or <c>int8</c>, as configured and as /v1/models shows it.</summary>
    public string Name => IsInt8 ? "int8" : "fp32";

    public override string ToString() => Int8Method is { } method ? $"int8 ({method.Name()})" : "fp32";

    /// <summary>Reads an <c>Inference:Precision</c> value; <c>int8</c> takes <paramref name="int8Method"/>.</summary>
    public static bool TryParse(string? value, QuantizationMethod int8Method, out ModelPrecision precision)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "fp32" or "":
                precision = Fp32;
                return true;
            case "int8":
                precision = Int8(int8Method);
                return true;
            default:
                precision = Fp32;
                return false;
        }
    }
}
