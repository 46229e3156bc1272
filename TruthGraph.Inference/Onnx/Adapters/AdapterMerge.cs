using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Google.Protobuf;
using Onnx;

namespace TruthGraph.Inference.Onnx.Adapters;

/// <summary>
/// Builds a cross-encoder from a sentence encoder's ONNX graph and a fine-tuning adapter file
/// (<see cref="AdapterTensorNames"/>): low-rank deltas are added to the linear weights (W[in, out] += s·Aᵀ·Bᵀ), trained
/// biases and LayerNorms replace the base ones, and an NLI head is appended to <c>last_hidden_state</c>: attention-masked
/// mean → MatMul + Add → Tanh → MatMul + Add → <c>logits</c> [batch, labels], the graph's only output. The result runs
/// like any exported cross-encoder (inputs <c>input_ids</c>, <c>attention_mask</c>, <c>token_type_ids</c>).
/// </summary>
public static class AdapterMerge
{
    public const string LogitsOutput = "logits";
    private const string HiddenState = "last_hidden_state", AttentionMask = "attention_mask";

    public static byte[] Merge(byte[] baseModel, byte[] adapterFile)
    {
        var (tensors, metadata) = SafeTensorsFile.Read(adapterFile);
        if (!metadata.TryGetValue(AdapterTensorNames.FormatKey, out var format) || format != AdapterTensorNames.Format)
        {
            throw new InvalidDataException($"The adapter file's format is '{format}'; expected '{AdapterTensorNames.Format}'.");
        }
        var baseSha = Convert.ToHexStringLower(SHA256.HashData(baseModel));
        if (metadata.TryGetValue(AdapterTensorNames.BaseSha256Key, out var trainedOn) && !string.Equals(trainedOn, baseSha, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"The adapter was trained on base weights with sha256 {trainedOn}; these have {baseSha}.");
        }
        var scale = float.Parse(metadata.GetValueOrDefault(AdapterTensorNames.LoraScaleKey, "1"), CultureInfo.InvariantCulture);

        var model = ModelProto.Parser.ParseFrom(baseModel);
        var graph = model.Graph;
        var initializers = graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        TensorProto Base(string name) => initializers.TryGetValue(name, out var t)
            ? t
            : throw new InvalidDataException($"The adapter changes '{name}', which the base graph does not have.");

        foreach (var (name, tensor) in tensors)
        {
            if (name.StartsWith(AdapterTensorNames.ReplacementPrefix, StringComparison.Ordinal))
            {
                var target = Base(name[AdapterTensorNames.ReplacementPrefix.Length..]);
                SetFloats(target, tensor.Values, ExpectSameCount(target, tensor));
            }
            else if (name.StartsWith(AdapterTensorNames.LoraPrefix, StringComparison.Ordinal) && name.EndsWith(".a", StringComparison.Ordinal))
            {
                var weight = name[AdapterTensorNames.LoraPrefix.Length..^2];
                var b = tensors.GetValueOrDefault(AdapterTensorNames.LoraB(weight))
                    ?? throw new InvalidDataException($"The adapter has factor A but no factor B for '{weight}'.");
                var target = Base(weight);
                SetFloats(target, AddLowRank(Floats(target), target.Dims.ToArray(), tensor, b, scale), target.Dims.Aggregate(1L, (x, y) => x * y));
            }
        }
        AppendHead(model, tensors);
        return model.ToByteArray();
    }

    /// <summary>W [in, out] + s·Aᵀ·Bᵀ for A [r, in] and B [out, r].</summary>
    private static float[] AddLowRank(float[] weight, long[] dims, NamedTensor a, NamedTensor b, float scale)
    {
        var (inputs, outputs, rank) = ((int)dims[0], (int)dims[1], (int)a.Shape[0]);
        if (dims.Length != 2 || a.Shape[1] != inputs || b.Shape[0] != outputs || b.Shape[1] != rank)
        {
            throw new InvalidDataException(
                $"Adapter factors A [{string.Join(", ", a.Shape)}], B [{string.Join(", ", b.Shape)}] do not fit a weight of [{string.Join(", ", dims)}].");
        }
        var merged = (float[])weight.Clone();
        for (var i = 0; i < inputs; i++)
        {
            for (var o = 0; o < outputs; o++)
            {
                var sum = 0f;
                for (var k = 0; k < rank; k++)
                {
                    sum += a.Values[k * inputs + i] * b.Values[o * rank + k];
                }
                merged[i * outputs + o] += scale * sum;
            }
        }
        return merged;
    }

    private static void AppendHead(ModelProto model, IReadOnlyDictionary<string, NamedTensor> tensors)
    {
        var graph = model.Graph;
        NamedTensor Head(string name) => tensors.GetValueOrDefault(name) ?? throw new InvalidDataException($"The adapter has no '{name}'.");
        var output = Head(AdapterTensorNames.HeadOutputWeight);
        foreach (var name in new[] { AdapterTensorNames.HeadDenseWeight, AdapterTensorNames.HeadDenseBias, AdapterTensorNames.HeadOutputWeight, AdapterTensorNames.HeadOutputBias })
        {
            var t = Head(name);
            graph.Initializer.Add(FloatTensor(name, t.Shape, t.Values));
        }
        graph.Initializer.Add(new TensorProto { Name = "head.pool_axis", DataType = (int)TensorProto.Types.DataType.Int64, Dims = { 1 }, Int64Data = { 1 } });
        graph.Initializer.Add(new TensorProto { Name = "head.mask_axis", DataType = (int)TensorProto.Types.DataType.Int64, Dims = { 1 }, Int64Data = { 2 } });
        graph.Initializer.Add(FloatTensor("head.min_count", [], [1e-9f]));

        // Opset 13 takes Unsqueeze and ReduceSum axes as inputs; the MiniLM export is opset 13 or newer.
        var opset = model.OpsetImport.Where(o => o.Domain is "" or "ai.onnx").Select(o => o.Version).DefaultIfEmpty(0).Max();
        if (opset < 13)
        {
            throw new InvalidDataException($"The base graph is opset {opset}; merging a head needs opset 13 or newer.");
        }
        NodeProto Node(string op, string name, string[] inputs, params AttributeProto[] attributes)
        {
            var node = new NodeProto { OpType = op, Name = "head/" + name, Output = { "head." + name } };
            node.Input.AddRange(inputs);
            node.Attribute.AddRange(attributes);
            graph.Node.Add(node);
            return node;
        }
        var keepDims = new AttributeProto { Name = "keepdims", Type = AttributeProto.Types.AttributeType.Int, I = 0 };
        Node("Cast", "mask", [AttentionMask], new AttributeProto { Name = "to", Type = AttributeProto.Types.AttributeType.Int, I = (int)TensorProto.Types.DataType.Float });
        Node("Unsqueeze", "mask3", ["head.mask", "head.mask_axis"]);
        Node("Mul", "masked", [HiddenState, "head.mask3"]);
        Node("ReduceSum", "sum", ["head.masked", "head.pool_axis"], keepDims);
        Node("ReduceSum", "count", ["head.mask3", "head.pool_axis"], keepDims);
        Node("Max", "count_safe", ["head.count", "head.min_count"]);
        Node("Div", "mean", ["head.sum", "head.count_safe"]);
        Node("MatMul", "dense_mm", ["head.mean", AdapterTensorNames.HeadDenseWeight]);
        Node("Add", "dense", ["head.dense_mm", AdapterTensorNames.HeadDenseBias]);
        Node("Tanh", "tanh", ["head.dense"]);
        Node("MatMul", "out_mm", ["head.tanh", AdapterTensorNames.HeadOutputWeight]);
        Node("Add", "out", ["head.out_mm", AdapterTensorNames.HeadOutputBias]).Output[0] = LogitsOutput;

        // Only the logits come out; ONNX Runtime prunes what no output needs (BERT's pooler branch).
        graph.Output.Clear();
        graph.Output.Add(new ValueInfoProto
        {
            Name = LogitsOutput,
            Type = new TypeProto
            {
                TensorType = new TypeProto.Types.Tensor
                {
                    ElemType = (int)TensorProto.Types.DataType.Float,
                    Shape = new TensorShapeProto
                    {
                        Dim = { new TensorShapeProto.Types.Dimension { DimParam = "batch" }, new TensorShapeProto.Types.Dimension { DimValue = output.Shape[1] } },
                    },
                },
            },
        });
    }

    private static long ExpectSameCount(TensorProto target, NamedTensor replacement)
    {
        var count = target.Dims.Aggregate(1L, (x, y) => x * y);
        if (count != replacement.Count)
        {
            throw new InvalidDataException($"The adapter's '{replacement.Name}' has {replacement.Count} values; the base initializer has {count}.");
        }
        return count;
    }

    private static float[] Floats(TensorProto tensor) => tensor.RawData.Length > 0
        ? MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray()
        : tensor.FloatData.ToArray();

    private static void SetFloats(TensorProto tensor, float[] values, long count)
    {
        if (tensor.DataType != (int)TensorProto.Types.DataType.Float || values.Length != count)
        {
            throw new InvalidDataException($"Initializer '{tensor.Name}' is not a float tensor of {values.Length} values.");
        }
        tensor.FloatData.Clear();
        tensor.RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static TensorProto FloatTensor(string name, long[] dims, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float, RawData = ByteString.CopyFrom(MemoryMarshal.AsBytes(values.AsSpan())) };
        tensor.Dims.AddRange(dims);
        return tensor;
    }
}
