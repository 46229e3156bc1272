using Microsoft.ML.OnnxRuntime;
using TruthGraph.Inference.Onnx.Graph;
using TruthGraph.Inference.Onnx.Quantization;

namespace TruthGraph.Inference.UnitTests.Onnx.Quantization;

/// <remarks>
/// Which weight encodings saturate where (<see cref="Int8WeightEncoding"/>): ONNX Runtime's u8 × s8 kernels on x86 without VNNI
/// (AVX2, AVX-512BW) add pairs of products in 16-bit lanes, and with uint8 activations up to 255 full-range signed weights
/// (s8, ±127) overflow them: 2 · 255 · 127 = 64,770 &gt; 32,767. This small model uses the full range, so there s8 answers
/// are off by 20–40 % of the output range (measured on a Zen 3 EPYC: 0.34 and 0.61 against 1.54). s7 (±63: 32,130) and u8
/// weights (u8 × u8 kernels widen first) cannot overflow on any CPU; s8 is exact with AVX-512 VNNI or AVX-VNNI and on ARM.
/// Every encoding is run on every CPU: where s8 is expected to saturate, the test asserts that it does, which proves both
/// the detection (<see cref="Int8CpuSupport"/>) and that the other encodings avoid what really happens on this CPU.
/// </remarks>
public sealed class OnnxQuantizerTests
{
    private static readonly byte[] Fp32Model = SmallLinearModel.Build();

    public static TheoryData<QuantizationMethod, int, double, Int8WeightEncoding> MethodsAndEncodings()
    {
        var data = new TheoryData<QuantizationMethod, int, double, Int8WeightEncoding>();
        foreach (var encoding in Int8WeightEncodings.All)
        {
            data.Add(QuantizationMethod.Dynamic, 2, 0.03, encoding);
            data.Add(QuantizationMethod.PerToken, 2, 0.03, encoding);
            data.Add(QuantizationMethod.Mixed, 1, 0.03, encoding);
        }
        data.Add(QuantizationMethod.WeightOnly, 2, 0.01, Int8WeightEncoding.Signed8); // MatMulNBits: its own unsigned blocks, no encoding
        return data;
    }

    public static TheoryData<Int8WeightEncoding> Encodings() => new(Int8WeightEncodings.All);

    /// <summary>Whether this CPU's kernels are expected to overflow with this method's weights (see the remarks).</summary>
    private static bool Saturates(QuantizationMethod method, Int8WeightEncoding encoding) =>
        Int8WeightEncodings.For(method, encoding) is { } used && !Int8CpuSupport.Current.IsExact(used);

    [Theory]
    [MemberData(nameof(MethodsAndEncodings))]
    public void The_rewritten_model_answers_within_tolerance_of_fp32_in_every_encoding_this_CPU_runs_exactly_and_saturates_where_expected(
        QuantizationMethod method, int expectedQuantized, double tolerance, Int8WeightEncoding encoding)
    {
        var graph = OnnxGraph.Load(Fp32Model);
        var result = OnnxQuantizer.Quantize(graph, method, encoding);
        var input = Inputs(rows: 8);

        var (y, s) = Run(Fp32Model, input);
        var (yQuantized, sQuantized) = Run(graph.ToBytes(), input);

        Assert.Equal(expectedQuantized, result.Quantized.Count);
        Assert.Equal(2 - expectedQuantized, result.KeptFloat.Count);
        // Error relative to the output's range: int8 with 127 levels per side lands around 1%, 63 levels around 2%.
        var range = y.Max(Math.Abs);
        var worst = y.Zip(yQuantized, (a, b) => Math.Abs(a - b)).Max();
        var cpu = Int8CpuSupport.Current.Features;
        if (Saturates(method, encoding))
        {
            Assert.True(worst > 5 * tolerance * range, $"{method} {encoding.Name()} on {cpu}: expected the 16-bit saturation, got worst |Δy| {worst} of {range}");
            return;
        }
        Assert.True(worst <= tolerance * range, $"{method} {encoding.Name()} on {cpu}: worst |Δy| {worst} against a range of {range}");
        Assert.True(worst > 0, "the quantized model gave exactly the fp32 answers: nothing was quantized");
        var sRange = s.Max(Math.Abs);
        Assert.True(s.Zip(sQuantized, (a, b) => Math.Abs(a - b)).Max() <= 2 * tolerance * sRange);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Each_encoding_stores_its_weights_in_its_own_range(Int8WeightEncoding encoding)
    {
        var graph = OnnxGraph.Load(Fp32Model);

        OnnxQuantizer.Quantize(graph, QuantizationMethod.Dynamic, encoding);

        var first = graph.Graph.Node.Single(n => n.OpType == "DynamicQuantizeMatMul" && n.Input[0] == "X");
        var weight = graph.Initializer(first.Input[1]);
        var values = weight.RawData.ToByteArray();
        if (encoding == Int8WeightEncoding.Unsigned8)
        {
            Assert.Equal((int)global::Onnx.TensorProto.Types.DataType.Uint8, weight.DataType);
            Assert.Equal(4, first.Input.Count); // the per-column zero points
            Assert.All(graph.Initializer(first.Input[3]).RawData.ToByteArray(), z => Assert.Equal(128, z));
            Assert.Equal(255, values.Max()); // q + 128 over the full ±127
            Assert.Equal(1, values.Min());
            return;
        }
        Assert.Equal((int)global::Onnx.TensorProto.Types.DataType.Int8, weight.DataType);
        Assert.Equal(3, first.Input.Count);
        Assert.Equal(encoding.Limit(), values.Select(b => Math.Abs((int)(sbyte)b)).Max());
    }

    [Fact]
    public void The_CPU_detection_agrees_with_the_kernel_flags_the_OS_reports()
    {
        var cpu = Int8CpuSupport.Current;
        Assert.True(cpu.IsExact(cpu.Recommended));
        Assert.True(cpu.IsExact(Int8WeightEncoding.Signed7));
        Assert.True(cpu.IsExact(Int8WeightEncoding.Unsigned8));
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture is not System.Runtime.InteropServices.Architecture.X64)
        {
            return; // /proc/cpuinfo's x86 flags are the independent witness; elsewhere the invariants above are what can be checked
        }
        var flags = File.ReadLines("/proc/cpuinfo").First(l => l.StartsWith("flags", StringComparison.Ordinal)).Split(' ');
        var vnni = flags.Contains("avx_vnni") || (flags.Contains("avx512_vnni") && flags.Contains("avx512bw"));
        Assert.Equal(!vnni, cpu.SaturatesSigned8);
        Assert.Equal(vnni ? Int8WeightEncoding.Signed8 : Int8CpuSupport.NoVnniEncoding, cpu.Recommended);
    }

    [Fact]
    public void Constant_weight_layers_become_integer_operators_and_their_fp32_weights_go()
    {
        var graph = OnnxGraph.Load(Fp32Model);

        var result = OnnxQuantizer.Quantize(graph, QuantizationMethod.Dynamic, Int8WeightEncoding.Signed8);

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
            OnnxQuantizer.Quantize(graph, method, Int8CpuSupport.Current.Recommended);
            return Run(graph.ToBytes(), input).Y[..SmallLinearModel.Outputs];
        }

        Assert.Equal(FirstRow(QuantizationMethod.PerToken, alone), FirstRow(QuantizationMethod.PerToken, batch));
        Assert.NotEqual(FirstRow(QuantizationMethod.Dynamic, alone), FirstRow(QuantizationMethod.Dynamic, batch));
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Per_token_also_rewrites_an_opset_18_model_where_ReduceMax_takes_its_axes_as_an_input(Int8WeightEncoding encoding)
    {
        var fp32 = SmallLinearModel.Build(opset: 18);
        var graph = OnnxGraph.Load(fp32);
        OnnxQuantizer.Quantize(graph, QuantizationMethod.PerToken, encoding);
        var input = Inputs(rows: 4);

        var (y, _) = Run(fp32, input);
        var (yQuantized, _) = Run(graph.ToBytes(), input);

        Assert.All(graph.Graph.Node.Where(n => n.OpType == "ReduceMax"), n => Assert.Equal(2, n.Input.Count));
        var worst = y.Zip(yQuantized, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(Saturates(QuantizationMethod.PerToken, encoding) ? worst > 0.15 * y.Max(Math.Abs) : worst <= 0.03 * y.Max(Math.Abs),
            $"{encoding.Name()} on {Int8CpuSupport.Current.Features}: worst |Δy| {worst} of {y.Max(Math.Abs)}");
    }

    [Fact]
    public void Mixed_keeps_down_projections_in_fp32()
    {
        var graph = OnnxGraph.Load(Fp32Model);

        var result = OnnxQuantizer.Quantize(graph, QuantizationMethod.Mixed, Int8WeightEncoding.Signed8);

        Assert.Equal(["first"], result.Quantized);
        Assert.StartsWith("second", Assert.Single(result.KeptFloat));
        Assert.Single(graph.Graph.Node, n => n.OpType == "Gemm");
        Assert.True(graph.HasInitializer("W2"));
    }

    [Fact]
    public void Weight_only_uses_MatMulNBits_with_8_bit_blocks_of_32()
    {
        var graph = OnnxGraph.Load(Fp32Model);

        OnnxQuantizer.Quantize(graph, QuantizationMethod.WeightOnly, Int8WeightEncoding.Signed8);

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
