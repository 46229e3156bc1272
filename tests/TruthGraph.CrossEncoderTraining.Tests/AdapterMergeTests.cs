using System.Security.Cryptography;
using TruthGraph.CrossEncoderTraining.Evaluation;
using TruthGraph.CrossEncoderTraining.Export;
using TruthGraph.Inference.Onnx.Adapters;
using static TorchSharp.torch;

namespace TruthGraph.CrossEncoderTraining.Tests;

/// <summary>The adapter file written by the tool, merged into the base ONNX graph by the service, gives TorchSharp's logits.</summary>
public sealed class AdapterMergeTests
{
    [Fact]
    public void Merged_onnx_logits_match_torchsharp_with_adapters_within_1e_3()
    {
        var lora = new LoraSettings(4, 8, 0);
        random.manual_seed(5);
        var model = new MiniLmCrossEncoder(TorchTestContext.Weights, lora, dropout: 0);
        Perturb(model);
        var adapter = AdapterExport.ToSafeTensors(model, lora, TorchTestContext.Weights.Sha256);

        var pairs = TorchTestContext.DevPairs(24);
        var expected = AssertMergedOnnxMatchesTorchSharp(model, adapter, pairs);
        // The perturbation must matter, or the comparison proves nothing about the merge.
        var unperturbed = new PairScorer(new MiniLmCrossEncoder(TorchTestContext.Weights, lora, 0), TorchTestContext.Tokenizer.PadId).Logits(pairs);
        Assert.True(TorchTestContext.MaxDifference(expected, unperturbed) > 0.05);
    }

    [Fact]
    public void An_adapter_trained_on_other_base_weights_is_refused()
    {
        var lora = new LoraSettings(2, 2, 0);
        var model = new MiniLmCrossEncoder(TorchTestContext.Weights, lora, dropout: 0);
        var adapter = AdapterExport.ToSafeTensors(model, lora, Convert.ToHexStringLower(SHA256.HashData("other"u8)));
        var error = Assert.Throws<InvalidDataException>(() => AdapterMerge.Merge(TorchTestContext.BaseModel, adapter));
        Assert.Contains("sha256", error.Message);
    }

    [Fact]
    public void Adapter_file_round_trips_into_the_torchsharp_model()
    {
        var lora = new LoraSettings(4, 8, 0);
        var model = new MiniLmCrossEncoder(TorchTestContext.Weights, lora, dropout: 0);
        Perturb(model);
        var adapter = AdapterExport.ToSafeTensors(model, lora, TorchTestContext.Weights.Sha256);

        var settings = AdapterImport.Settings(adapter);
        Assert.Equal(lora.Rank, settings.Rank);
        Assert.Equal(lora.Scale, settings.Scale, 6);
        var copy = new MiniLmCrossEncoder(TorchTestContext.Weights, settings, dropout: 0);
        AdapterImport.Apply(copy, adapter);
        Assert.Equal(adapter, AdapterExport.ToSafeTensors(copy, settings, TorchTestContext.Weights.Sha256));
    }

    [Fact]
    public void Fully_trained_top_layers_merge_into_onnx_and_round_trip()
    {
        var lora = new LoraSettings(4, 8, 0);
        random.manual_seed(7);
        var model = new MiniLmCrossEncoder(TorchTestContext.Weights, lora, dropout: 0, fullyTrainedLayers: 2);
        Perturb(model);
        var adapter = AdapterExport.ToSafeTensors(model, lora, TorchTestContext.Weights.Sha256);
        AssertMergedOnnxMatchesTorchSharp(model, adapter, TorchTestContext.DevPairs(16));

        Assert.Equal(2, AdapterImport.FullyTrainedLayers(adapter, TorchTestContext.Weights));
        var copy = new MiniLmCrossEncoder(TorchTestContext.Weights, AdapterImport.Settings(adapter), dropout: 0, fullyTrainedLayers: 2);
        AdapterImport.Apply(copy, adapter);
        Assert.Equal(adapter, AdapterExport.ToSafeTensors(copy, lora, TorchTestContext.Weights.Sha256));
    }

    [Fact]
    public void A_fully_trained_layer_started_from_an_adapter_computes_what_the_adapter_did()
    {
        var lora = new LoraSettings(4, 8, 0);
        random.manual_seed(9);
        var adapted = new MiniLmCrossEncoder(TorchTestContext.Weights, lora, dropout: 0);
        Perturb(adapted);
        var adapter = AdapterExport.ToSafeTensors(adapted, lora, TorchTestContext.Weights.Sha256);

        var full = new MiniLmCrossEncoder(TorchTestContext.Weights, lora, dropout: 0, fullyTrainedLayers: 3);
        AdapterImport.Apply(full, adapter);

        var pairs = TorchTestContext.DevPairs(8);
        var expected = new PairScorer(adapted, TorchTestContext.Tokenizer.PadId).Logits(pairs);
        var actual = new PairScorer(full, TorchTestContext.Tokenizer.PadId).Logits(pairs);
        Assert.True(TorchTestContext.MaxDifference(expected, actual) < 1e-4, $"max |Δlogit| = {TorchTestContext.MaxDifference(expected, actual):E2}");
        Assert.Equal(18, full.FullWeightParameters.Count());
    }

    /// <summary>The service's merge of <paramref name="adapter"/> gives <paramref name="model"/>'s logits within 1e-3; returns TorchSharp's.</summary>
    private static float[][] AssertMergedOnnxMatchesTorchSharp(MiniLmCrossEncoder model, byte[] adapter, IReadOnlyList<EncodedPair> pairs)
    {
        var merged = AdapterMerge.Merge(TorchTestContext.BaseModel, adapter);
        var expected = new PairScorer(model, TorchTestContext.Tokenizer.PadId, batchSize: 8).Logits(pairs);
        var actual = TorchTestContext.RunOnnx(merged, pairs, AdapterMerge.LogitsOutput, batchSize: 8);
        Assert.True(TorchTestContext.MaxDifference(expected, actual) < 1e-3, $"max |Δlogit| = {TorchTestContext.MaxDifference(expected, actual):E2}");
        return expected;
    }

    /// <summary>What training would do, at random: non-zero adapters (or changed weights), shifted biases and LayerNorms.</summary>
    private static void Perturb(MiniLmCrossEncoder model)
    {
        using var noGrad = no_grad();
        foreach (var linear in model.Linears)
        {
            if (linear.TrainedWeight is { } weight)
            {
                weight.add_(randn_like(weight).mul_(0.02));
            }
            else
            {
                linear.B!.copy_(randn_like(linear.B).mul_(0.05));
            }
            linear.Bias.add_(randn_like(linear.Bias).mul_(0.02));
        }
        foreach (var norm in model.Norms)
        {
            norm.Scale.add_(randn_like(norm.Scale).mul_(0.02));
        }
        model.HeadOutputWeight.mul_(20);
    }
}
