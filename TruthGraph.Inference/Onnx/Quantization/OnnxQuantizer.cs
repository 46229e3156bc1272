using Onnx;
using TruthGraph.Inference.Onnx.Graph;

namespace TruthGraph.Inference.Onnx.Quantization;

/// <summary>What a quantization pass did to a graph.</summary>
/// <param name="Quantized">Names of the layers rewritten into integer form.</param>
/// <param name="KeptFloat">Names of the constant-weight layers left fp32, each with the reason.</param>
public sealed record QuantizationResult(IReadOnlyList<string> Quantized, IReadOnlyList<string> KeptFloat);

/// <summary>The initializers of one layer's integer weight: values, per-column scales, and the zero points ("" for signed weights).</summary>
internal sealed record IntegerWeight(string Values, string Scales, string ZeroPoints);

/// <summary>
/// Rewrites every MatMul/Gemm with a constant weight into ONNX Runtime's integer form (see <see cref="QuantizationMethod"/>).
/// Each layer keeps its output name, so the rest of the graph is untouched; the fp32 weights it replaced are dropped.
/// Uses the <c>com.microsoft</c> contrib operators, which ONNX Runtime's CPU provider implements (VNNI where the CPU has it).
/// </summary>
public static class OnnxQuantizer
{
    /// <summary>Changes whenever the rewrite would produce a different file, so that cached INT8 files from an older rewrite are rebuilt.</summary>
    public const string Version = "3";

    /// <summary>Inputs per scale for <see cref="QuantizationMethod.WeightOnly"/> (what was measured: block 32).</summary>
    public const int WeightOnlyBlockSize = 32;

    internal const string ContribDomain = "com.microsoft";

    /// <param name="encoding">How integer weights are stored (<see cref="Int8WeightEncoding"/>); ignored by <see cref="QuantizationMethod.WeightOnly"/>.</param>
    public static QuantizationResult Quantize(OnnxGraph graph, QuantizationMethod method, Int8WeightEncoding encoding)
    {
        var quantized = new List<string>();
        var kept = new List<string>();
        var replacedWeights = new List<string>();
        var perTokenInputs = new Dictionary<string, PerTokenRewrite.QuantizedInput>(StringComparer.Ordinal);
        foreach (var layer in graph.LinearLayers())
        {
            if (method == QuantizationMethod.Mixed && layer.InFeatures > layer.OutFeatures)
            {
                kept.Add($"{layer.Name} ({layer.InFeatures}→{layer.OutFeatures} down-projection, kept fp32 by the mixed method)");
                continue;
            }
            if (SkipReason(graph, layer) is { } reason)
            {
                kept.Add($"{layer.Name} ({reason})");
                continue;
            }
            var weight = graph.ReadTensor(layer.Weight);
            if (layer.WeightTransposed)
            {
                weight = weight.Transpose();
            }
            switch (method)
            {
                case QuantizationMethod.WeightOnly:
                    RewriteWeightOnly(graph, layer, weight);
                    break;
                case QuantizationMethod.PerToken:
                    PerTokenRewrite.Apply(graph, layer, AddWeight(graph, layer, weight, encoding), perTokenInputs);
                    break;
                default:
                    RewriteDynamic(graph, layer, AddWeight(graph, layer, weight, encoding));
                    break;
            }
            quantized.Add(layer.Name);
            replacedWeights.Add(layer.Weight);
        }
        if (quantized.Count > 0)
        {
            graph.EnsureOpsetImport(ContribDomain, 1);
        }
        graph.RemoveUnusedInitializers(replacedWeights);
        return new QuantizationResult(quantized, kept);
    }

    // Gemm's bias is folded in only when it is a constant (scaled by beta) or needs no scaling; anything else stays fp32.
    private static string? SkipReason(OnnxGraph graph, LinearLayer layer)
    {
        if (!layer.HasGemmBias)
        {
            return null;
        }
        var beta = OnnxGraph.FloatAttribute(layer.Node, "beta", 1f);
        return graph.HasInitializer(layer.Node.Input[2]) || beta == 1f ? null : "Gemm with a computed C and beta ≠ 1";
    }

    private static void RewriteDynamic(OnnxGraph graph, LinearLayer layer, IntegerWeight weight)
    {
        string[] inputs = weight.ZeroPoints == "" ? [layer.Input, weight.Values, weight.Scales] : [layer.Input, weight.Values, weight.Scales, weight.ZeroPoints];
        var product = IntegerProduct(graph, layer, "DynamicQuantizeMatMul", inputs, []);
        graph.ReplaceNode(layer.Node, [product, .. BiasNodes(graph, layer, product.Output[0])]);
    }

    // Per-column symmetric weights in the chosen encoding. Unsigned stores q + 128 with zero point 128, so the product is the
    // same (q + 128 − 128) and only the kernel ONNX Runtime picks (u8 × u8, widened to 16 bits first) differs.
    internal static IntegerWeight AddWeight(OnnxGraph graph, LinearLayer layer, FloatTensor weight, Int8WeightEncoding encoding)
    {
        var (values, scales) = WeightQuantizer.PerColumnInt8(weight, encoding.Limit());
        ApplyAlpha(layer, scales);
        long[] dims = [layer.InFeatures, layer.OutFeatures];
        var scaleName = graph.AddInitializer(OnnxTensors.Float($"{layer.Weight}_scale", [layer.OutFeatures], scales));
        if (encoding != Int8WeightEncoding.Unsigned8)
        {
            return new IntegerWeight(graph.AddInitializer(OnnxTensors.Int8($"{layer.Weight}_int8", dims, values)), scaleName, "");
        }
        var unsigned = graph.AddInitializer(OnnxTensors.UInt8($"{layer.Weight}_uint8", dims, values.Select(v => (byte)(v + 128)).ToArray()));
        var zeroPoints = graph.AddInitializer(OnnxTensors.UInt8($"{layer.Weight}_zero_point", [layer.OutFeatures], Enumerable.Repeat((byte)128, layer.OutFeatures).ToArray()));
        return new IntegerWeight(unsigned, scaleName, zeroPoints);
    }

    private static void RewriteWeightOnly(OnnxGraph graph, LinearLayer layer, FloatTensor weight)
    {
        var block = WeightOnlyBlockSize;
        var (packed, scales, zeroPoints, blocks) = WeightQuantizer.Blockwise8Bit(weight, block);
        ApplyAlpha(layer, scales);
        var weightName = graph.AddInitializer(OnnxTensors.UInt8($"{layer.Weight}_q8", [layer.OutFeatures, blocks, block], packed));
        var scaleName = graph.AddInitializer(OnnxTensors.Float($"{layer.Weight}_scales", [scales.Length], scales));
        var zeroName = graph.AddInitializer(OnnxTensors.UInt8($"{layer.Weight}_zero_points", [zeroPoints.Length], zeroPoints));
        var product = IntegerProduct(graph, layer, "MatMulNBits", [layer.Input, weightName, scaleName, zeroName],
        [
            OnnxGraph.Attribute("K", layer.InFeatures),
            OnnxGraph.Attribute("N", layer.OutFeatures),
            OnnxGraph.Attribute("bits", 8),
            OnnxGraph.Attribute("block_size", block),
            // Level 4: activations are quantized to int8 per block inside the kernel, which is where the speed comes from.
            OnnxGraph.Attribute("accuracy_level", 4),
        ]);
        graph.ReplaceNode(layer.Node, [product, .. BiasNodes(graph, layer, product.Output[0])]);
    }

    // A MatMul's product takes the original output name; a Gemm's goes to a new name when its bias is added afterwards.
    private static NodeProto IntegerProduct(OnnxGraph graph, LinearLayer layer, string opType, string[] inputs, AttributeProto[] attributes)
    {
        var node = new NodeProto
        {
            Name = graph.UniqueName($"{layer.Name}_{opType}"),
            OpType = opType,
            Domain = ContribDomain,
            Input = { inputs },
            Output = { layer.HasGemmBias ? graph.UniqueName($"{layer.Output}_product") : layer.Output },
        };
        node.Attribute.AddRange(attributes);
        return node;
    }

    internal static IEnumerable<NodeProto> BiasNodes(OnnxGraph graph, LinearLayer layer, string product)
    {
        if (product == layer.Output)
        {
            yield break;
        }
        var c = layer.Node.Input[2];
        var beta = OnnxGraph.FloatAttribute(layer.Node, "beta", 1f);
        if (beta != 1f)
        {
            var bias = graph.ReadTensor(c);
            c = graph.AddInitializer(OnnxTensors.Float($"{c}_beta", bias.Dims, bias.Values.Select(v => v * beta).ToArray()));
        }
        yield return new NodeProto { Name = graph.UniqueName($"{layer.Name}_bias"), OpType = "Add", Input = { product, c }, Output = { layer.Output } };
    }

    private static void ApplyAlpha(LinearLayer layer, float[] scales)
    {
        var alpha = layer.OpType == "Gemm" ? OnnxGraph.FloatAttribute(layer.Node, "alpha", 1f) : 1f;
        for (var i = 0; alpha != 1f && i < scales.Length; i++)
        {
            scales[i] *= alpha;
        }
    }
}
