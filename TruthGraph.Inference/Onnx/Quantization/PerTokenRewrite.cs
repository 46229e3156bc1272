using Onnx;
using TruthGraph.Inference.Onnx.Graph;

namespace TruthGraph.Inference.Onnx.Quantization;

/// <summary>
/// The <see cref="QuantizationMethod.PerToken"/> rewrite of one linear layer, in standard operators plus ONNX Runtime's
/// <c>MatMulIntegerToFloat</c>. Unlike <c>DynamicQuantizeMatMul</c>, whose activation scale covers the whole run, every row
/// (token) gets its own scale, so a text's result does not depend on the texts that share its run.
/// </summary>
internal static class PerTokenRewrite
{
    // Activations are quantized once per input value (Q, K and V share theirs), one scale per row: scale = max |x| / 127,
    // q = x / scale + 128 as uint8 (QuantizeLinear per axis on the input seen as [rows, K]). MatMulIntegerToFloat then
    // gives (q − 128) · w_q · w_scale per column, and one product with the row scales finishes the dequantization.
    public static void Apply(OnnxGraph graph, LinearLayer layer, IntegerWeight weight, Dictionary<string, QuantizedInput> inputs)
    {
        if (graph.OpsetVersion() < 13)
        {
            throw new NotSupportedException($"The per-token method needs opset 13 or later (QuantizeLinear per axis); this model imports opset {graph.OpsetVersion()}.");
        }
        var nodes = new List<NodeProto>();
        string Op(string op, string output, string[] args, string domain = "", params AttributeProto[] attributes)
        {
            var node = new NodeProto { Name = graph.UniqueName($"{output}_{op}"), OpType = op, Domain = domain, Input = { args }, Output = { graph.UniqueName(output) } };
            node.Attribute.AddRange(attributes);
            nodes.Add(node);
            return node.Output[0];
        }
        string Constant(string name, long[] dims, params long[] data)
        {
            var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
            tensor.Dims.AddRange(dims);
            tensor.Int64Data.AddRange(data);
            return graph.AddInitializer(tensor);
        }

        if (!inputs.TryGetValue(layer.Input, out var input))
        {
            var x = layer.Input;
            var abs = Op("Abs", $"{x}_abs", [x]);
            // Opset 18 moved ReduceMax's axes from an attribute to an input.
            var amax = graph.OpsetVersion() >= 18
                ? Op("ReduceMax", $"{x}_amax", [abs, Constant($"{x}_last_axis", [1], -1)], "", OnnxGraph.Attribute("keepdims", 1))
                : Op("ReduceMax", $"{x}_amax", [abs], "",
                    new AttributeProto { Name = "axes", Type = AttributeProto.Types.AttributeType.Ints, Ints = { -1 } }, OnnxGraph.Attribute("keepdims", 1));
            var floor = graph.AddInitializer(OnnxTensors.Float($"{x}_amax_floor", [], [1e-8f]));
            var step = graph.AddInitializer(OnnxTensors.Float($"{x}_inv127", [], [1f / WeightQuantizer.Int8Limit]));
            var rowScale = Op("Mul", $"{x}_row_scale", [Op("Max", $"{x}_amax_safe", [amax, floor]), step]);
            var rows = Op("Reshape", $"{x}_rows", [x, Constant($"{x}_rows_shape", [2], -1, layer.InFeatures)]);
            var flatScale = Op("Reshape", $"{x}_row_scale_flat", [rowScale, Constant($"{x}_flat_shape", [1], -1)]);
            var zeroValue = OnnxTensors.UInt8("value", [1], [128]);
            var zeroPoints = Op("ConstantOfShape", $"{x}_zero_points", [Op("Shape", $"{x}_rows_count", [flatScale])], "",
                new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = zeroValue });
            var quantized = Op("QuantizeLinear", $"{x}_u8", [rows, flatScale, zeroPoints], "", OnnxGraph.Attribute("axis", 0));
            var columnScale = Op("Reshape", $"{x}_row_scale_column", [rowScale, Constant($"{x}_column_shape", [2], -1, 1)]);
            var leading = Op("Slice", $"{x}_leading_dims", [Op("Shape", $"{x}_shape", [x]), Constant($"{x}_slice_start", [1], 0), Constant($"{x}_slice_end", [1], -1)]);
            input = inputs[layer.Input] = new QuantizedInput(quantized, columnScale, leading,
                graph.AddInitializer(OnnxTensors.Float($"{x}_unit_scale", [], [1f])), graph.AddInitializer(OnnxTensors.UInt8($"{x}_zero_point", [], [128])));
        }
        string[] operands = [input.Quantized, weight.Values, input.UnitScale, weight.Scales, input.ZeroPoint];
        var product = Op("MatMulIntegerToFloat", $"{layer.Output}_rows", weight.ZeroPoints == "" ? operands : [.. operands, weight.ZeroPoints],
            OnnxQuantizer.ContribDomain);
        var scaled = Op("Mul", $"{layer.Output}_scaled_rows", [product, input.RowScale]);
        var shape = Op("Concat", $"{layer.Output}_shape", [input.LeadingDims, Constant($"{layer.Output}_width", [1], layer.OutFeatures)], "", OnnxGraph.Attribute("axis", 0));
        var output = new NodeProto { Name = graph.UniqueName($"{layer.Name}_reshape"), OpType = "Reshape", Input = { scaled, shape },
            Output = { layer.HasGemmBias ? graph.UniqueName($"{layer.Output}_product") : layer.Output } };
        graph.ReplaceNode(layer.Node, [.. nodes, output, .. OnnxQuantizer.BiasNodes(graph, layer, output.Output[0])]);
    }

    /// <summary>The values made once per quantized activation: the uint8 rows, their scales as a column, the shape before the last axis.</summary>
    public sealed record QuantizedInput(string Quantized, string RowScale, string LeadingDims, string UnitScale, string ZeroPoint);
}
