using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace TruthGraph.Inference.Onnx.Quantization;

/// <summary>
/// What this CPU's 8-bit dot products can do, as ONNX Runtime's kernels use them, and the weight encoding that is exact on it.
/// </summary>
/// <param name="Features">The instructions found, in words (e.g. "x86 AVX2, no VNNI").</param>
/// <param name="SaturatesSigned8">True where u8 × s8 pair sums go through 16 bits (x86 without VNNI): full-range signed weights can overflow.</param>
/// <param name="Recommended">The encoding chosen when <c>Inference:Int8WeightEncoding</c> is <c>auto</c>.</param>
/// <param name="Reason">Why, for /v1/models and the logs.</param>
public sealed record Int8CpuSupport(string Features, bool SaturatesSigned8, Int8WeightEncoding Recommended, string Reason)
{
    /// <summary>This process's CPU, detected once.</summary>
    public static Int8CpuSupport Current { get; } = Detect();

    /// <summary>Whether <paramref name="encoding"/> gives exact integer products here.</summary>
    public bool IsExact(Int8WeightEncoding encoding) => encoding != Int8WeightEncoding.Signed8 || !SaturatesSigned8;

    /// <summary>The setting's value resolved: <c>auto</c> (or empty) is <see cref="Recommended"/>; an explicit encoding is kept, with a warning where it saturates.</summary>
    public (Int8WeightEncoding Encoding, string Reason) Resolve(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting) || string.Equals(setting.Trim(), Int8WeightEncodings.Auto, StringComparison.OrdinalIgnoreCase))
        {
            return (Recommended, $"auto: {Reason}");
        }
        var encoding = Int8WeightEncodings.Parse(setting);
        var note = IsExact(encoding) ? "" : $"; this CPU ({Features}) can saturate its u8 × s8 sums, the start-up self-check decides";
        return (encoding, $"configured (Inference:Int8WeightEncoding={encoding.Name()}){note}");
    }

    private static Int8CpuSupport Detect()
    {
        if (RuntimeInformation.ProcessArchitecture is Architecture.Arm64)
        {
            // ONNX Runtime's ARM kernels use sdot/udot where present and widening NEON multiplies otherwise: both exact.
            var dot = Dp.Arm64.IsSupported ? "dot product (sdot/udot)" : "no dot product extension";
            return new($"ARM64, {dot}", false, Int8WeightEncoding.Signed8,
                $"ARM64 with {dot}: 8-bit products accumulate in 32 bits, full-range signed weights are exact");
        }
        if (!X86Base.IsSupported)
        {
            return new(RuntimeInformation.ProcessArchitecture.ToString(), false, Int8WeightEncoding.Signed8,
                "no x86 16-bit pair sums on this architecture: full-range signed weights");
        }
        // CPUID leaf 7: sub-leaf 0 ECX bit 11 is AVX512_VNNI, sub-leaf 1 EAX bit 4 is AVX-VNNI. AVX-512 counts only where the
        // OS enables it, which Avx512BW.IsSupported checks (ONNX Runtime checks XCR0 the same way).
        var avx512Vnni = Avx512BW.IsSupported && (X86Base.CpuId(7, 0).Ecx & (1 << 11)) != 0;
        var avxVnni = AvxVnni.IsSupported;
        if (avx512Vnni || avxVnni)
        {
            var which = avx512Vnni ? "AVX-512 VNNI" : "AVX-VNNI";
            return new($"x86 {which}", false, Int8WeightEncoding.Signed8,
                $"{which}: u8 × s8 products accumulate in 32 bits (vpdpbusd), full-range signed weights are exact");
        }
        var simd = Avx512BW.IsSupported ? "AVX-512BW" : Avx2.IsSupported ? "AVX2" : "SSE";
        return new($"x86 {simd}, no VNNI", true, NoVnniEncoding,
            $"x86 {simd} without VNNI: u8 × s8 pair sums go through 16 bits and overflow with full-range weights; "
            + $"{NoVnniEncoding.Name()} weights cannot overflow and measured best (docs/PERFORMANCE.md, \"CPU without VNNI\")");
    }

    /// <summary>
    /// The exact encoding for x86 without VNNI, chosen by <c>models accuracy</c>, the bench and the self-check on a Zen 3 host:
    /// u8 keeps full precision (its results match a VNNI CPU's s8), where s7's lost bit moved the NLI cross-encoder's class
    /// probabilities by up to 0.12 against u8's 0.09; s7 is ≈ 15 % faster for embeddings and stays a setting away.
    /// </summary>
    public const Int8WeightEncoding NoVnniEncoding = Int8WeightEncoding.Unsigned8;
}
