namespace TruthGraph.Inference.Onnx.Quantization;

/// <summary>
/// How the weights of an integer MatMul are stored. ONNX Runtime multiplies uint8 activations (0…255) by them; which
/// encoding is exact depends on the CPU (<see cref="Int8CpuSupport"/>): x86 without VNNI sums pairs of u8 × s8 products
/// into 16-bit lanes (<c>vpmaddubsw</c>), and 2 · 255 · 127 = 64,770 overflows 32,767.
/// </summary>
public enum Int8WeightEncoding
{
    /// <summary>Signed, −127…127 per column: the most precise, exact wherever the CPU has VNNI (and on ARM).</summary>
    Signed8,

    /// <summary>
    /// Signed, −63…63 (ONNX Runtime's <c>reduce_range</c>): 2 · 255 · 63 = 32,130 fits 16 bits, so the u8 × s8 kernels cannot
    /// saturate; one bit of weight precision less. The fastest exact choice without VNNI.
    /// </summary>
    Signed7,

    /// <summary>
    /// Unsigned, q + 128 with zero point 128 per column: the u8 × u8 kernels widen to 16 bits before multiplying, so they
    /// cannot saturate either, at full precision (the default without VNNI); that kernel is ≈ 15 % slower than u8 × s8 on AVX2.
    /// </summary>
    Unsigned8,
}

public static class Int8WeightEncodings
{
    public static readonly IReadOnlyList<Int8WeightEncoding> All = [Int8WeightEncoding.Signed8, Int8WeightEncoding.Signed7, Int8WeightEncoding.Unsigned8];

    /// <summary>What <c>Inference:Int8WeightEncoding</c> accepts besides the encodings themselves: choose by the CPU.</summary>
    public const string Auto = "auto";

    public static string Name(this Int8WeightEncoding encoding) => encoding switch
    {
        Int8WeightEncoding.Signed8 => "s8",
        Int8WeightEncoding.Signed7 => "s7",
        Int8WeightEncoding.Unsigned8 => "u8",
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, null),
    };

    public static string Names => string.Join(" | ", All.Select(Name));

    /// <summary>The largest weight magnitude before any offset: 127, or 63 for 7 bits.</summary>
    public static int Limit(this Int8WeightEncoding encoding) => encoding == Int8WeightEncoding.Signed7 ? 63 : WeightQuantizer.Int8Limit;

    /// <summary>
    /// The encoding a method's file is made with, or null where the method has none to choose: weight-only packs its own
    /// unsigned blocks for <c>MatMulNBits</c>, whose kernel quantizes activations to int8 symmetric and does not saturate.
    /// </summary>
    public static Int8WeightEncoding? For(QuantizationMethod method, Int8WeightEncoding encoding) =>
        method == QuantizationMethod.WeightOnly ? null : encoding;

    public static bool TryParse(string? text, out Int8WeightEncoding encoding)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(text?.Trim(), candidate.Name(), StringComparison.OrdinalIgnoreCase))
            {
                encoding = candidate;
                return true;
            }
        }
        encoding = Int8WeightEncoding.Signed8;
        return false;
    }

    /// <summary>
    /// A command's <c>--encodings</c>: null, empty or <c>auto</c> is this CPU's choice, <c>all</c> every encoding, else a comma list;
    /// null when a name is unknown.
    /// </summary>
    public static IReadOnlyList<Int8WeightEncoding>? ParseList(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || string.Equals(text.Trim(), Auto, StringComparison.OrdinalIgnoreCase))
        {
            return [Int8CpuSupport.Current.Recommended];
        }
        if (string.Equals(text.Trim(), "all", StringComparison.OrdinalIgnoreCase))
        {
            return All;
        }
        var list = new List<Int8WeightEncoding>();
        foreach (var name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TryParse(name, out var encoding))
            {
                return null;
            }
            list.Add(encoding);
        }
        return list;
    }

    public static Int8WeightEncoding Parse(string text) =>
        TryParse(text, out var encoding) ? encoding : throw new ArgumentException($"Unknown INT8 weight encoding '{text}'; use {Names}.", nameof(text));
}
