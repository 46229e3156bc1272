using Onnx;

namespace TruthGraph.Inference.Onnx.Graph;

/// <summary>
/// A MatMul or Gemm whose weight is a constant of the graph: the layers that quantization rewrites and that adapter
/// merging changes. Shapes are given in the MatMul sense, Y = X · W with W of [<see cref="InFeatures"/>, <see cref="OutFeatures"/>].
/// </summary>
/// <param name="Index">Position among the graph's linear layers, in node order (MiniLM: 6 per transformer block, Q K V O FFN-in FFN-out).</param>
/// <param name="Node">The MatMul or Gemm node itself.</param>
/// <param name="Input">The activation input (X).</param>
/// <param name="Weight">The initializer holding W.</param>
/// <param name="WeightTransposed">Gemm with transB = 1: the initializer is stored as [out, in].</param>
/// <param name="Bias">
/// The bias initializer: Gemm's C, or the constant of the Add that alone consumes a MatMul's output. Exported BERT graphs
/// keep the module names on biases (<c>encoder.layer.0.attention.self.query.bias</c>) while weights get numbers, so
/// this is how a tool tells which layer is which.
/// </param>
public sealed record LinearLayer(
    int Index,
    NodeProto Node,
    string Input,
    string Weight,
    int InFeatures,
    int OutFeatures,
    bool WeightTransposed,
    string? Bias)
{
    public string OpType => Node.OpType;
    public string Output => Node.Output[0];
    public string Name => string.IsNullOrEmpty(Node.Name) ? Output : Node.Name;

    /// <summary>A Gemm with a C input: its bias is part of the node, so a rewrite must add it back after the product.</summary>
    public bool HasGemmBias => OpType == "Gemm" && Node.Input.Count > 2 && !string.IsNullOrEmpty(Node.Input[2]);
}
