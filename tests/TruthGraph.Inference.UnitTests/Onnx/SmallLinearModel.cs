using Google.Protobuf;
using Onnx;
using TruthGraph.Inference.Onnx.Graph;

namespace TruthGraph.Inference.UnitTests.Onnx;

/// <summary>
/// A small ONNX model built for the rewrite tests, with every case the quantizer must handle:
/// X [n, 40] → MatMul W1 [40, 64] → Add b1 → Relu → H; H → Gemm(W2 stored [16, 64], transB = 1, C = b2, alpha 0.5, beta 2) → Y [n, 16];
/// and S = Y · Yᵀ, a MatMul of two computed values that must stay as it is. 40 inputs do not fill two blocks of 32
/// (the weight-only padding path); 64 → 16 is a down-projection (kept fp32 by the mixed method).
/// </summary>
internal static class SmallLinearModel
{
    public const int Inputs = 40;
    public const int Hidden = 64;
    public const int Outputs = 16;

    public static byte[] Build(long opset = 13)
    {
        var random = new Random(11);
        float[] Values(int count, double scale) => Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2 - 1) * scale)).ToArray();

        var graph = new GraphProto { Name = "small-linear" };
        graph.Input.Add(Value("X", "n", Inputs));
        graph.Output.Add(Value("Y", "n", Outputs));
        graph.Output.Add(Value("S", "n", "n"));
        graph.Initializer.Add(OnnxTensors.Float("W1", [Inputs, Hidden], Values(Inputs * Hidden, 0.3)));
        graph.Initializer.Add(OnnxTensors.Float("b1", [Hidden], Values(Hidden, 0.1)));
        graph.Initializer.Add(OnnxTensors.Float("W2", [Outputs, Hidden], Values(Outputs * Hidden, 0.3)));
        graph.Initializer.Add(OnnxTensors.Float("b2", [Outputs], Values(Outputs, 0.1)));

        graph.Node.Add(new NodeProto { Name = "first", OpType = "MatMul", Input = { "X", "W1" }, Output = { "XW1" } });
        graph.Node.Add(new NodeProto { Name = "first_bias", OpType = "Add", Input = { "XW1", "b1" }, Output = { "Z" } });
        graph.Node.Add(new NodeProto { Name = "relu", OpType = "Relu", Input = { "Z" }, Output = { "H" } });
        var gemm = new NodeProto { Name = "second", OpType = "Gemm", Input = { "H", "W2", "b2" }, Output = { "Y" } };
        gemm.Attribute.Add(OnnxGraph.Attribute("transB", 1));
        gemm.Attribute.Add(new AttributeProto { Name = "alpha", Type = AttributeProto.Types.AttributeType.Float, F = 0.5f });
        gemm.Attribute.Add(new AttributeProto { Name = "beta", Type = AttributeProto.Types.AttributeType.Float, F = 2f });
        graph.Node.Add(gemm);
        graph.Node.Add(new NodeProto { Name = "transpose", OpType = "Transpose", Input = { "Y" }, Output = { "Yt" } });
        graph.Node.Add(new NodeProto { Name = "gram", OpType = "MatMul", Input = { "Y", "Yt" }, Output = { "S" } });

        var model = new ModelProto { IrVersion = 8, ProducerName = "TruthGraph tests", Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        return model.ToByteArray();
    }

    private static ValueInfoProto Value(string name, params object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim is string symbol
                ? new TensorShapeProto.Types.Dimension { DimParam = symbol }
                : new TensorShapeProto.Types.Dimension { DimValue = (int)dim });
        }
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }
}
