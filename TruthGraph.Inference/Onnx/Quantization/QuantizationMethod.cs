namespace TruthGraph.Inference.Onnx.Quantization;

/// <summary>How the constant-weight MatMul/Gemm layers of a model are turned into 8-bit integer arithmetic.</summary>
public enum QuantizationMethod
{
    /// <summary>
    /// Every layer: per-column symmetric int8 weights, activations quantized per run to uint8 with one scale
    /// (ONNX Runtime's <c>DynamicQuantizeMatMul</c>). Fastest; the per-tensor activation scale is where accuracy goes.
    /// </summary>
    Dynamic,

    /// <summary>
    /// As <see cref="Dynamic"/>, but down-projections (more inputs than outputs: a transformer's second FFN MatMul, whose
    /// post-GELU inputs have the widest range) stay fp32. Closer to fp32, slower.
    /// </summary>
    Mixed,

    /// <summary>
    /// 8-bit weights in blocks of 32 along the input axis, one scale per block (<c>MatMulNBits</c>, accuracy level 4):
    /// nearly lossless, a smaller gain.
    /// </summary>
    WeightOnly,

    /// <summary>
    /// Per-column int8 weights as <see cref="Dynamic"/>, but activations quantized with one scale per row (token), so a
    /// text's vector no longer depends on the other texts of its batch: closer to fp32 than <see cref="Dynamic"/>
    /// (mean cosine 0.9975 against 0.994) at about nine tenths of its speed (the row scales cost extra passes).
    /// </summary>
    PerToken,
}

public static class QuantizationMethods
{
    /// <summary>
    /// What <c>Inference:Precision = int8</c> uses unless <c>Inference:Int8Method</c> says otherwise, chosen by the accuracy
    /// check (<c>models accuracy</c> and <c>scripts/eval.sh</c>; docs/PERFORMANCE.md, "INT8"): the one method that keeps the
    /// quality targets at the service's settings and the ≥ 1.8× speed target with margin. <see cref="QuantizationMethod.PerToken"/>
    /// is the choice where a text's vector must not depend on its batch.
    /// </summary>
    public const QuantizationMethod Default = QuantizationMethod.Dynamic;

    public static readonly IReadOnlyList<QuantizationMethod> All = [QuantizationMethod.Dynamic, QuantizationMethod.PerToken, QuantizationMethod.Mixed, QuantizationMethod.WeightOnly];

    public static string Name(this QuantizationMethod method) => method switch
    {
        QuantizationMethod.Dynamic => "dynamic",
        QuantizationMethod.Mixed => "mixed",
        QuantizationMethod.WeightOnly => "weight-only",
        QuantizationMethod.PerToken => "per-token",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    public static string Names => string.Join(" | ", All.Select(Name));

    public static bool TryParse(string? text, out QuantizationMethod method)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(text?.Trim(), candidate.Name(), StringComparison.OrdinalIgnoreCase))
            {
                method = candidate;
                return true;
            }
        }
        method = Default;
        return false;
    }

    public static QuantizationMethod Parse(string text) =>
        TryParse(text, out var method) ? method : throw new ArgumentException($"Unknown quantization method '{text}'; use {Names}.", nameof(text));
}
