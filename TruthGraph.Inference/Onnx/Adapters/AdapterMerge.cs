using System.Globalization;
using Onnx;
using TruthGraph.Inference.Onnx.Graph;

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

    /// <param name="baseSha256">The base weights' sha256 when the caller has already verified it; hashed here otherwise.</param>
    public static byte[] Merge(byte[] baseModel, byte[] adapterFile, string? baseSha256 = null)
    {
        var (tensors, metadata) = SafeTensorsFile.Read(adapterFile);
        if (!metadata.TryGetValue(AdapterTensorNames.FormatKey, out var format) || format != AdapterTensorNames.Format)
        {
            throw new InvalidDataException($"The adapter file's format is '{format}'; expected '{AdapterTensorNames.Format}'.");
        }
        var baseSha = baseSha256?.ToLowerInvariant() ?? Models.ArtifactLoader.Sha256Hex(baseModel);
        if (metadata.TryGetValue(AdapterTensorNames.BaseSha256Key, out var trainedOn) && !string.Equals(trainedOn, baseSha, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"The adapter was trained on base weights with sha256 {trainedOn}; these have {baseSha}.");
        }
        var scale = float.Parse(metadata.GetValueOrDefault(AdapterTensorNames.LoraScaleKey, "1"), CultureInfo.InvariantCulture);

        var graph = OnnxGraph.Load(baseModel);
        FloatTensor Base(string name) => graph.HasInitializer(name)
            ? graph.ReadTensor(name)
            : throw new InvalidDataException($"The adapter changes '{name}', which the base graph does not have.");

        foreach (var (name, tensor) in tensors)
        {
            if (name.StartsWith(AdapterTensorNames.ReplacementPrefix, StringComparison.Ordinal))
            {
                var target = name[AdapterTensorNames.ReplacementPrefix.Length..];
                var current = Base(target);
                if (current.ElementCount != tensor.Count)
                {
                    throw new InvalidDataException($"The adapter's '{name}' has {tensor.Count} values; the base initializer has {current.ElementCount}.");
                }
                graph.WriteTensor(target, new FloatTensor(current.Dims, tensor.Values));
            }
            else if (name.StartsWith(AdapterTensorNames.LoraPrefix, StringComparison.Ordinal) && name.EndsWith(".a", StringComparison.Ordinal))
            {
                var weight = name[AdapterTensorNames.LoraPrefix.Length..^2];
                var b = tensors.GetValueOrDefault(AdapterTensorNames.LoraB(weight))
                    ?? throw new InvalidDataException($"The adapter has factor A but no factor B for '{weight}'.");
                graph.WriteTensor(weight, AddLowRank(Base(weight), tensor, b, scale));
            }
        }
        AppendHead(graph, tensors);
        return graph.ToBytes();
    }

    /// <summary>W [in, out] + s·Aᵀ·Bᵀ for A [r, in] and B [out, r].</summary>
    private static FloatTensor AddLowRank(FloatTensor weight, NamedTensor a, NamedTensor b, float scale)
    {
        var dims = weight.Dims;
        var (inputs, outputs, rank) = ((int)dims[0], (int)dims[^1], (int)a.Shape[0]);
        if (dims.Length != 2 || a.Shape[1] != inputs || b.Shape[0] != outputs || b.Shape[1] != rank)
        {
            throw new InvalidDataException(
                $"Adapter factors A [{string.Join(", ", a.Shape)}], B [{string.Join(", ", b.Shape)}] do not fit a weight of [{string.Join(", ", dims)}].");
        }
        var merged = (float[])weight.Values.Clone();
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
        return new FloatTensor(dims, merged);
    }

    private static void AppendHead(OnnxGraph graph, IReadOnlyDictionary<string, NamedTensor> tensors)
    {
        var model = graph.Model;
        NamedTensor Head(string name) => tensors.GetValueOrDefault(name) ?? throw new InvalidDataException($"The adapter has no '{name}'.");
        var output = Head(AdapterTensorNames.HeadOutputWeight);
        string Constant(string name) => graph.AddInitializer(OnnxTensors.Float(name, Head(name).Shape, Head(name).Values));
        var (denseWeight, denseBias) = (Constant(AdapterTensorNames.HeadDenseWeight), Constant(AdapterTensorNames.HeadDenseBias));
        var (outputWeight, outputBias) = (Constant(AdapterTensorNames.HeadOutputWeight), Constant(AdapterTensorNames.HeadOutputBias));
        var poolAxis = graph.AddInitializer(new TensorProto { Name = "head.pool_axis", DataType = (int)TensorProto.Types.DataType.Int64, Dims = { 1 }, Int64Data = { 1 } });
        var maskAxis = graph.AddInitializer(new TensorProto { Name = "head.mask_axis", DataType = (int)TensorProto.Types.DataType.Int64, Dims = { 1 }, Int64Data = { 2 } });
        var minCount = graph.AddInitializer(OnnxTensors.Float("head.min_count", [], [1e-9f]));

        // Opset 13 takes Unsqueeze and ReduceSum axes as inputs; the MiniLM export is opset 13 or newer.
        var opset = model.OpsetImport.Where(o => o.Domain is "" or "ai.onnx").Select(o => o.Version).DefaultIfEmpty(0).Max();
        if (opset < 13)
        {
            throw new InvalidDataException($"The base graph is opset {opset}; merging a head needs opset 13 or newer.");
        }
        // Each node's output gets a fresh name; the last one is the graph's logits.
        string Node(string op, string name, string[] inputs, string? output = null, params AttributeProto[] attributes)
        {
            var node = new NodeProto { OpType = op, Name = graph.UniqueName("head/" + name), Output = { output ?? graph.UniqueName("head." + name) } };
            node.Input.AddRange(inputs);
            node.Attribute.AddRange(attributes);
            graph.Graph.Node.Add(node);
            return node.Output[0];
        }
        var keepDims = OnnxGraph.Attribute("keepdims", 0);
        var mask = Node("Cast", "mask", [AttentionMask], null, OnnxGraph.Attribute("to", (int)TensorProto.Types.DataType.Float));
        var mask3 = Node("Unsqueeze", "mask3", [mask, maskAxis]);
        var masked = Node("Mul", "masked", [HiddenState, mask3]);
        var sum = Node("ReduceSum", "sum", [masked, poolAxis], null, keepDims);
        var count = Node("ReduceSum", "count", [mask3, poolAxis], null, keepDims);
        var mean = Node("Div", "mean", [sum, Node("Max", "count_safe", [count, minCount])]);
        var dense = Node("Tanh", "tanh", [Node("Add", "dense", [Node("MatMul", "dense_mm", [mean, denseWeight]), denseBias])]);
        if (graph.UniqueName(LogitsOutput) != LogitsOutput)
        {
            throw new InvalidDataException($"The base graph already has a value named '{LogitsOutput}'.");
        }
        Node("Add", "out", [Node("MatMul", "out_mm", [dense, outputWeight]), outputBias], LogitsOutput);

        // Only the logits come out; ONNX Runtime prunes what no output needs (BERT's pooler branch).
        graph.Graph.Output.Clear();
        graph.Graph.Output.Add(new ValueInfoProto
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
}
