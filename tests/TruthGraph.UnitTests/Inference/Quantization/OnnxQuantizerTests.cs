using Microsoft.ML.OnnxRuntime;
using TruthGraph.Inference.Onnx.Graph;
using TruthGraph.Inference.Onnx.Quantization;

namespace TruthGraph.UnitTests.Inference.Quantization;

public sealed class OnnxQuantizerTests
{
    private static readonly byte[] Fp32Model = SmallLinearModel.Build();

    [Theory]
    [InlineData(QuantizationMethod.Dynamic, 2, 0.03)]
    [InlineData(QuantizationMethod.PerToken, 2, 0.03)]
    [InlineData(QuantizationMethod.Mixed, 1, 0.03)]
    [InlineData(QuantizationMethod.WeightOnly, 2, 0.01)]
    public void The_rewritten_model_answers_within_tolerance_of_fp32(QuantizationMethod method, int expectedQuantized, double tolerance)
    {
        var graph = OnnxGraph.Load(Fp32Model);
        var result = OnnxQuantizer.Quantize(graph, method);
        var input = Inputs(rows: 8);

        var (y, s) = Run(Fp32Model, input);
        var (yQuantized, sQuantized) = Run(graph.ToBytes(), input);

        Assert.Equal(expectedQuantized, result.Quantized.Count);
        Assert.Equal(2 - expectedQuantized, result.KeptFloat.Count);
        // Error relative to the output's range: int8 with 127 levels per side lands around 1%.
        var range = y.Max(Math.Abs);
        var worst = y.Zip(yQuantized, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(worst <= tolerance * range, $"{method}: worst |Δy| {worst} against a range of {range}");
        Assert.True(worst > 0, "the quantized model gave exactly the fp32 answers: nothing was quantized");
        var sRange = s.Max(Math.Abs);
        Assert.True(s.Zip(sQuantized, (a, b) => Math.Abs(a - b)).Max() <= 2 * tolerance * sRange);
    }

    [Fact]
    public void Constant_weight_layers_become_integer_operators_and_their_fp32_weights_go()
    {
        var graph = OnnxGraph.Load(Fp32Model);

        var result = OnnxQuantizer.Quantize(graph, QuantizationMethod.Dynamic);

        var ops = graph.Graph.Node.Select(n => n.OpType).ToList();
        Assert.Equal(2, ops.Count(op => op == "DynamicQuantizeMatMul"));
        Assert.Equal(["first", "second"], result.Quantized);
        Assert.Empty(graph.LinearLayers()); // no MatMul/Gemm with a constant weight is left
        Assert.Single(graph.Graph.Node, n => n.OpType == "MatMul"); // Y · Yᵀ has no constant weight and stays fp32
        Assert.False(graph.HasInitializer("W1"));
        Assert.False(graph.HasInitializer("W2"));
        Assert.True(graph.HasInitializer("b1")); // still read by the Add after the first layer
        Assert.Contains(graph.Model.OpsetImport, o => o.Domain == "com.microsoft");
        var names = graph.Graph.Initializer.Select(t => t.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.True(graph.ToBytes().Length < Fp32Model.Length);
    }

    [Fact]
    public void Per_token_answers_for_a_row_do_not_depend_on_the_other_rows_of_the_batch_and_dynamic_ones_do()
    {
        var alone = Inputs(rows: 1);
        // The same row beside a row of much larger values: a per-tensor activation scale grows with it, a per-row one does not.
        var batch = alone.Concat(alone.Select(v => v * 40)).ToArray();
        float[] FirstRow(QuantizationMethod method, float[] input)
        {
            var graph = OnnxGraph.Load(Fp32Model);
            OnnxQuantizer.Quantize(graph, method);
            return Run(graph.ToBytes(), input).Y[..SmallLinearModel.Outputs];
        }

        Assert.Equal(FirstRow(QuantizationMethod.PerToken, alone), FirstRow(QuantizationMethod.PerToken, batch));
        Assert.NotEqual(FirstRow(QuantizationMethod.Dynamic, alone), FirstRow(QuantizationMethod.Dynamic, batch));
    }

    [Fact]
    public void Per_token_also_rewrites_an_opset_18_model_where_ReduceMax_takes_its_axes_as_an_input()
    {
        var fp32 = SmallLinearModel.Build(opset: 18);
        var graph = OnnxGraph.Load(fp32);
        OnnxQuantizer.Quantize(graph, QuantizationMethod.PerToken);
        var input = Inputs(rows: 4);

        var (y, _) = Run(fp32, input);
        var (yQuantized, _) = Run(graph.ToBytes(), input);

        Assert.All(graph.Graph.Node.Where(n => n.OpType == "ReduceMax"), n => Assert.Equal(2, n.Input.Count));
        Assert.True(y.Zip(yQuantized, (a, b) => Math.Abs(a - b)).Max() <= 0.03 * y.Max(Math.Abs));
    }

    [Fact]
    public void Mixed_keeps_down_projections_in_fp32()
    {
        var graph = OnnxGraph.Load(Fp32Model);

        var result = OnnxQuantizer.Quantize(graph, QuantizationMethod.Mixed);

        Assert.Equal(["first"], result.Quantized);
        Assert.StartsWith("second", Assert.Single(result.KeptFloat));
        Assert.Single(graph.Graph.Node, n => n.OpType == "Gemm");
        Assert.True(graph.HasInitializer("W2"));
    }

    [Fact]
    public void Weight_only_uses_MatMulNBits_with_8_bit_blocks_of_32()
    {
        var graph = OnnxGraph.Load(Fp32Model);

        OnnxQuantizer.Quantize(graph, QuantizationMethod.WeightOnly);

        var first = graph.Graph.Node.Single(n => n.OpType == "MatMulNBits" && n.Input[0] == "X");
        Assert.Equal(8, OnnxGraph.IntAttribute(first, "bits", 0));
        Assert.Equal(32, OnnxGraph.IntAttribute(first, "block_size", 0));
        // 40 inputs: two blocks per output column, the second padded.
        Assert.Equal([SmallLinearModel.Hidden, 2, 32], graph.Initializer(first.Input[1]).Dims);
    }

    private static float[] Inputs(int rows)
    {
        var random = new Random(5);
        return Enumerable.Range(0, rows * SmallLinearModel.Inputs).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
    }

    private static (float[] Y, float[] S) Run(byte[] model, float[] input)
    {
        using var options = new SessionOptions { IntraOpNumThreads = 1 };
        using var session = new InferenceSession(model, options);
        using var x = OrtValue.CreateTensorValueFromMemory(input, [input.Length / SmallLinearModel.Inputs, SmallLinearModel.Inputs]);
        using var outputs = session.Run(new RunOptions(), ["X"], [x], ["Y", "S"]);
        return (outputs[0].GetTensorDataAsSpan<float>().ToArray(), outputs[1].GetTensorDataAsSpan<float>().ToArray());
    }
}
