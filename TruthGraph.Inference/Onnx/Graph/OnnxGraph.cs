using Google.Protobuf;
using Onnx;

namespace TruthGraph.Inference.Onnx.Graph;

/// <summary>
/// An ONNX model opened for editing (OnnxSharp's protobuf types): finds the linear layers whose weights are constants,
/// reads and replaces initializers, swaps nodes in place, keeps names unique and the opset imports complete, and writes
/// the model back. Quantization is built on it; so can be any other weight surgery (merging adapter deltas into the
/// MiniLM weights, say) without touching protobuf details.
/// </summary>
public sealed class OnnxGraph
{
    private readonly Dictionary<string, TensorProto> _initializers;
    private readonly HashSet<string> _names;

    private OnnxGraph(ModelProto model)
    {
        Model = model;
        _initializers = model.Graph.Initializer.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _names = new HashSet<string>(StringComparer.Ordinal);
        CollectNames(model.Graph, _names);
    }

    /// <summary>The underlying message, for edits this class has no helper for.</summary>
    public ModelProto Model { get; }

    public GraphProto Graph => Model.Graph;

    public static OnnxGraph Load(byte[] bytes) => new(ModelProto.Parser.ParseFrom(bytes));

    public byte[] ToBytes() => Model.ToByteArray();

    /// <summary>MatMul and Gemm nodes whose weight (second input) is an initializer, in node order.</summary>
    /// <remarks>
    /// Skipped: weights that are also graph inputs (a caller may feed other values), weights that are not 2-D float32,
    /// and Gemm with transA (its activation is not the left operand of an ordinary product).
    /// </remarks>
    public IReadOnlyList<LinearLayer> LinearLayers()
    {
        var graphInputs = Graph.Input.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var layers = new List<LinearLayer>();
        foreach (var node in Graph.Node)
        {
            if (node.OpType is not ("MatMul" or "Gemm") || !string.IsNullOrEmpty(node.Domain) || node.Input.Count < 2)
            {
                continue;
            }
            if (!_initializers.TryGetValue(node.Input[1], out var weight) || graphInputs.Contains(weight.Name)
                || weight.Dims.Count != 2 || weight.DataType != (int)TensorProto.Types.DataType.Float)
            {
                continue;
            }
            var gemm = node.OpType == "Gemm";
            if (gemm && IntAttribute(node, "transA", 0) != 0)
            {
                continue;
            }
            var transposed = gemm && IntAttribute(node, "transB", 0) != 0;
            var (inFeatures, outFeatures) = transposed ? (weight.Dims[1], weight.Dims[0]) : (weight.Dims[0], weight.Dims[1]);
            var bias = gemm ? GemmBias(node) : FollowingBias(node.Output[0], outFeatures);
            layers.Add(new LinearLayer(layers.Count, node, node.Input[0], weight.Name, (int)inFeatures, (int)outFeatures, transposed, bias));
        }
        return layers;
    }

    public bool HasInitializer(string name) => _initializers.ContainsKey(name);

    public TensorProto Initializer(string name) =>
        _initializers.TryGetValue(name, out var tensor) ? tensor : throw new KeyNotFoundException($"The graph has no initializer '{name}'.");

    public FloatTensor ReadTensor(string initializer) => OnnxTensors.ReadFloat(Initializer(initializer));

    /// <summary>Replaces an initializer's values (and shape) under the same name: nodes that read it see the new values.</summary>
    public void WriteTensor(string initializer, FloatTensor values)
    {
        if (values.ElementCount != values.Values.Length)
        {
            throw new ArgumentException($"Shape [{string.Join(", ", values.Dims)}] does not hold {values.Values.Length} values.", nameof(values));
        }
        var replacement = OnnxTensors.Float(initializer, values.Dims, values.Values);
        var index = Graph.Initializer.IndexOf(Initializer(initializer));
        Graph.Initializer[index] = replacement;
        _initializers[initializer] = replacement;
    }

    /// <summary>Adds an initializer under a name no other value of the graph uses (a suffix is added if needed) and returns that name.</summary>
    public string AddInitializer(TensorProto tensor)
    {
        tensor.Name = UniqueName(tensor.Name);
        Graph.Initializer.Add(tensor);
        _initializers[tensor.Name] = tensor;
        return tensor.Name;
    }

    /// <summary><paramref name="hint"/> if nothing in the graph is called that yet, else the hint with the first free numeric suffix; reserved from now on.</summary>
    public string UniqueName(string hint)
    {
        var name = hint;
        for (var i = 1; !_names.Add(name); i++)
        {
            name = $"{hint}_{i}";
        }
        return name;
    }

    /// <summary>Puts <paramref name="replacement"/> where <paramref name="node"/> was, so the node order stays topological.</summary>
    public void ReplaceNode(NodeProto node, params NodeProto[] replacement)
    {
        var index = Graph.Node.IndexOf(node);
        if (index < 0)
        {
            throw new ArgumentException($"Node '{node.Name}' ({node.OpType}) is not in the graph.", nameof(node));
        }
        Graph.Node.RemoveAt(index);
        for (var i = 0; i < replacement.Length; i++)
        {
            _names.Add(replacement[i].Name);
            foreach (var output in replacement[i].Output)
            {
                _names.Add(output);
            }
            Graph.Node.Insert(index + i, replacement[i]);
        }
    }

    /// <summary>Nodes that read <paramref name="value"/> in the main graph.</summary>
    public IEnumerable<NodeProto> Consumers(string value) => Graph.Node.Where(n => n.Input.Contains(value));

    /// <summary>
    /// Drops initializers that no node (subgraphs included) and no graph output reads any more, among
    /// <paramref name="candidates"/> (all initializers when null); returns how many.
    /// </summary>
    public int RemoveUnusedInitializers(IEnumerable<string>? candidates = null)
    {
        var considered = candidates?.ToHashSet(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        CollectInputs(Graph, used);
        foreach (var output in Graph.Output)
        {
            used.Add(output.Name);
        }
        var unused = Graph.Initializer.Where(t => !used.Contains(t.Name) && (considered is null || considered.Contains(t.Name))).ToList();
        foreach (var tensor in unused)
        {
            Graph.Initializer.Remove(tensor);
            _initializers.Remove(tensor.Name);
        }
        return unused.Count;
    }

    /// <summary>Imports <paramref name="domain"/> (e.g. <c>com.microsoft</c> for ONNX Runtime's contrib operators) unless it is already imported.</summary>
    public void EnsureOpsetImport(string domain, long version)
    {
        if (!Model.OpsetImport.Any(o => (o.Domain ?? "") == domain))
        {
            Model.OpsetImport.Add(new OperatorSetIdProto { Domain = domain, Version = version });
        }
    }

    /// <summary>The imported opset version of <paramref name="domain"/> (the default ONNX domain when empty); 0 if not imported.</summary>
    public long OpsetVersion(string domain = "") =>
        Model.OpsetImport.FirstOrDefault(o => (o.Domain ?? "") == domain)?.Version ?? 0;

    public static long IntAttribute(NodeProto node, string name, long fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } attribute ? attribute.I : fallback;

    public static float FloatAttribute(NodeProto node, string name, float fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } attribute ? attribute.F : fallback;

    public static AttributeProto Attribute(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    private string? GemmBias(NodeProto gemm) =>
        gemm.Input.Count > 2 && _initializers.ContainsKey(gemm.Input[2]) ? gemm.Input[2] : null;

    // A MatMul's bias is the constant of the one Add that reads its output, when that constant is a vector of the output width.
    private string? FollowingBias(string output, long outFeatures)
    {
        var consumers = Consumers(output).Take(2).ToList();
        if (consumers is not [{ OpType: "Add" } add] || add.Input.Count != 2)
        {
            return null;
        }
        var other = add.Input[0] == output ? add.Input[1] : add.Input[0];
        return _initializers.TryGetValue(other, out var bias) && bias.Dims.Count == 1 && bias.Dims[0] == outFeatures ? other : null;
    }

    private static void CollectNames(GraphProto graph, HashSet<string> names)
    {
        foreach (var value in graph.Input.Concat(graph.Output).Concat(graph.ValueInfo))
        {
            names.Add(value.Name);
        }
        foreach (var tensor in graph.Initializer)
        {
            names.Add(tensor.Name);
        }
        foreach (var node in graph.Node)
        {
            names.Add(node.Name);
            names.UnionWith(node.Output);
            foreach (var subgraph in Subgraphs(node))
            {
                CollectNames(subgraph, names);
            }
        }
    }

    private static void CollectInputs(GraphProto graph, HashSet<string> used)
    {
        foreach (var node in graph.Node)
        {
            used.UnionWith(node.Input);
            foreach (var subgraph in Subgraphs(node))
            {
                CollectInputs(subgraph, used);
            }
        }
    }

    private static IEnumerable<GraphProto> Subgraphs(NodeProto node) =>
        node.Attribute.SelectMany(a => a.G is not null ? Enumerable.Repeat(a.G, 1) : a.Graphs);
}
