using TruthGraph.CrossEncoderTraining.Training;
using TruthGraph.Inference.Onnx.Adapters;

namespace TruthGraph.CrossEncoderTraining.Tests;

/// <summary>A few real optimiser steps of the training loop (the full run is a manual command, not CI).</summary>
public sealed class TrainingStepsTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    public void Three_steps_lower_nothing_to_nan_and_write_a_checkpoint_with_trained_adapters(double claimPriorWeight)
    {
        var output = Directory.CreateTempSubdirectory("truthgraph-ft-test-");
        try
        {
            var claims = Datasets.ReadClimateFever(Inference.Bench.SharedData.PathOf("climate-fever", "dev.jsonl"));
            var train = claims.Take(6).SelectMany(c => c.Pairs).Select(p => LabelledPair.Single(p, "climate-fever")).ToList();
            train.Add(new LabelledPair("A man sleeps.", "Nobody is asleep.", [NliLabel.Neutral, NliLabel.Contradiction], "rte"));
            var data = new TrainingData(train, [], [], []);
            var settings = new TrainSettings
            {
                OutputDirectory = output.FullName, Epochs = 1, MaxSteps = 3, BatchSize = 8, MaxTokens = 64,
                LoraRank = 4, SkipEvaluation = true, Threads = 1, ClaimPriorWeight = claimPriorWeight,
            };
            var log = new List<string>();

            var summary = new Trainer(settings, log.Add).Run(TorchTestContext.Weights, TorchTestContext.Tokenizer, data, "test");

            Assert.Equal(3, summary.Steps);
            Assert.Contains(log, l => l.StartsWith("train pairs 31", StringComparison.Ordinal));
            Assert.Equal(claimPriorWeight > 0, log.Any(l => l.StartsWith("claim-only prior (weight 1) for 31 pairs", StringComparison.Ordinal)));
            var (tensors, metadata) = SafeTensorsFile.Read(File.ReadAllBytes(Path.Combine(output.FullName, Trainer.LatestFile)));
            Assert.Equal(AdapterTensorNames.Format, metadata[AdapterTensorNames.FormatKey]);
            Assert.Equal(TorchTestContext.Weights.Sha256, metadata[AdapterTensorNames.BaseSha256Key]);
            // B starts at zero; after steps with a finite loss it must have moved, and nothing may be NaN.
            var factorsB = tensors.Values.Where(t => t.Name.EndsWith(".b", StringComparison.Ordinal)).ToList();
            Assert.Equal(36, factorsB.Count);
            Assert.Contains(factorsB, t => t.Values.Any(v => v != 0));
            Assert.All(tensors.Values, t => Assert.DoesNotContain(t.Values, float.IsNaN));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [Fact]
    public void Set_loss_of_a_two_class_answer_is_the_loss_of_its_summed_probability()
    {
        using var logits = TorchSharp.torch.tensor(new float[] { 0.5f, 1.0f, -0.5f }, [1, 3]);
        using var allowed = TorchSharp.torch.tensor(new float[] { 0, 1, 1 }, [1, 3]);
        using var weights = TorchSharp.torch.tensor(new float[] { 1 });
        var loss = SetLoss.Compute(logits, allowed, weights).item<float>();
        var p = new[] { 0.5, 1.0, -0.5 }.Select(Math.Exp).ToArray();
        Assert.Equal(-Math.Log((p[1] + p[2]) / p.Sum()), loss, 5);
    }
}
