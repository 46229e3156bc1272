using static TorchSharp.torch;

namespace TruthGraph.CrossEncoderTraining.Tests;

/// <summary>The TorchSharp BERT with the package's weights (adapters still zero) computes what ONNX Runtime computes.</summary>
public sealed class WeightMappingTests
{
    [Fact]
    public void Untrained_encoder_matches_onnx_runtime_last_hidden_state_within_1e_4() =>
        AssertMatchesOnnxRuntime(TorchTestContext.Weights, TorchTestContext.BaseModel, TorchTestContext.DevPairs(12));

    [Fact]
    public void The_other_base_arctic_xs_maps_as_well_and_matches_onnx_runtime()
    {
        var onnx = MiniLmOnnxWeights.ReadResource(BaseEncoder.ArcticXs.ModelResource, BaseEncoder.ArcticXs.Assembly);
        var weights = MiniLmOnnxWeights.FromOnnx(onnx);
        Assert.Equal(36, weights.All.Count(w => w.Transposed && w.BertName.StartsWith("encoder.", StringComparison.Ordinal)));
        Assert.NotEqual(TorchTestContext.Weights.Sha256, weights.Sha256);
        AssertMatchesOnnxRuntime(weights, onnx, TorchTestContext.DevPairs(4));
    }

    private static void AssertMatchesOnnxRuntime(MiniLmOnnxWeights weights, byte[] onnx, List<EncodedPair> pairs)
    {
        var model = new MiniLmCrossEncoder(weights, new LoraSettings(8, 16, 0), dropout: 0);
        var expected = TorchTestContext.RunOnnx(onnx, pairs, "last_hidden_state", batchSize: pairs.Count);

        using var noGrad = no_grad();
        int[] all = [.. Enumerable.Range(0, pairs.Count)];
        var (ids, mask, types) = PairBatches.ToTensors(pairs, all, TorchTestContext.Tokenizer.PadId);
        using var hidden = model.Encode(ids, mask, types, training: false);
        var actual = hidden.data<float>().ToArray();

        // Same padded batch on both sides; only real tokens are compared (padding rows carry no meaning).
        var length = (int)ids.shape[1];
        var worst = 0.0;
        for (var r = 0; r < pairs.Count; r++)
        {
            for (var t = 0; t < pairs[r].Length; t++)
            {
                for (var h = 0; h < MiniLmCrossEncoder.Hidden; h++)
                {
                    var at = (r * length + t) * MiniLmCrossEncoder.Hidden + h;
                    worst = Math.Max(worst, Math.Abs(actual[at] - expected[r][t * MiniLmCrossEncoder.Hidden + h]));
                }
            }
        }
        Assert.True(worst < 1e-4, $"max |TorchSharp − ONNX Runtime| = {worst:E2}");
    }

    [Fact]
    public void All_36_linear_weights_map_to_named_biases_and_are_transposed()
    {
        var linear = TorchTestContext.Weights.All.Where(w => w.Transposed && w.BertName.StartsWith("encoder.", StringComparison.Ordinal)).ToList();
        Assert.Equal(36, linear.Count);
        Assert.All(linear, w => Assert.True(int.TryParse(w.OnnxName, out _), $"{w.BertName} came from '{w.OnnxName}'"));
        var query = TorchTestContext.Weights["encoder.layer.0.attention.self.query.weight"];
        Assert.Equal([384L, 384L], query.Shape);
        Assert.Equal([1536L, 384L], TorchTestContext.Weights["encoder.layer.5.intermediate.dense.weight"].Shape);
    }
}
