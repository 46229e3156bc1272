using TruthGraph.CrossEncoderTraining.Encoder;
using TruthGraph.CrossEncoderTraining.Export;
using TruthGraph.CrossEncoderTraining.Training;
using TruthGraph.Inference.Onnx.Adapters;

namespace TruthGraph.CrossEncoderTraining.Tests;

/// <summary>A few real optimiser steps of the training loop (the full run is a manual command, not CI).</summary>
public sealed class TrainingStepsTests
{
    [Theory]
    [InlineData(0.0, false)]
    [InlineData(1.0, false)]
    [InlineData(0.0, true)]
    public void Three_steps_lower_nothing_to_nan_and_write_a_checkpoint_with_trained_adapters(double claimPriorWeight, bool withTeacher)
    {
        var output = Directory.CreateTempSubdirectory("truthgraph-ft-test-");
        try
        {
            // A teacher is any adapter file: an untrained one (random head) is enough to exercise the soft-target path.
            var teacherLora = new LoraSettings(4, 8, 0);
            var teacherPath = Path.Combine(output.FullName, "teacher.safetensors");
            File.WriteAllBytes(teacherPath, AdapterExport.ToSafeTensors(
                new MiniLmCrossEncoder(TorchTestContext.Weights, teacherLora, dropout: 0), teacherLora, TorchTestContext.Weights.Sha256));
            var claims = Datasets.ReadClimateFever(Inference.Bench.SharedData.PathOf("climate-fever", "dev.jsonl"));
            var train = claims.Take(6).SelectMany(c => c.Pairs).Select(p => LabelledPair.Single(p, "climate-fever")).ToList();
            train.Add(new LabelledPair("A man sleeps.", "Nobody is asleep.", [NliLabel.Neutral, NliLabel.Contradiction], "rte"));
            var data = new TrainingData(train, [], [], []);
            var settings = new TrainSettings
            {
                OutputDirectory = output.FullName, Epochs = 1, MaxSteps = 3, BatchSize = 8, MaxTokens = 64,
                LoraRank = 4, SkipEvaluation = true, Threads = 1, ClaimPriorWeight = claimPriorWeight,
                TeacherAdapter = withTeacher ? teacherPath : null,
            };
            var log = new List<string>();

            var summary = new Trainer(settings, log.Add).Run(TorchTestContext.Weights, TorchTestContext.Tokenizer, data, "test");

            Assert.Equal(3, summary.Steps);
            Assert.Contains(log, l => l.StartsWith("train pairs 31", StringComparison.Ordinal));
            Assert.Equal(claimPriorWeight > 0, log.Any(l => l.StartsWith("claim-only prior (weight 1) for 31 pairs", StringComparison.Ordinal)));
            Assert.Equal(withTeacher, log.Any(l => l.StartsWith($"teacher {teacherPath}: soft targets for 31 pairs", StringComparison.Ordinal)));
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
    public void A_teacher_and_a_claim_prior_together_are_refused()
    {
        var output = Directory.CreateTempSubdirectory("truthgraph-ft-test-");
        try
        {
            var data = new TrainingData([new LabelledPair("A man sleeps.", "Nobody is asleep.", [NliLabel.Contradiction], "snli")], [], [], []);
            var settings = new TrainSettings
            {
                OutputDirectory = output.FullName, MaxSteps = 1, LoraRank = 4, SkipEvaluation = true, Threads = 1,
                ClaimPriorWeight = 1, TeacherAdapter = Path.Combine(output.FullName, "no-such-teacher.safetensors"),
            };

            var error = Assert.Throws<ArgumentException>(() =>
                new Trainer(settings, _ => { }).Run(TorchTestContext.Weights, TorchTestContext.Tokenizer, data, "test"));

            Assert.Contains("choose one", error.Message, StringComparison.Ordinal);
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

    [Fact]
    public void Soft_target_loss_is_the_cross_entropy_against_the_targets_and_weighs_pairs()
    {
        using var logits = TorchSharp.torch.tensor(new float[] { 0.5f, 1.0f, -0.5f, 0f, 0f, 0f }, [2, 3]);
        using var targets = TorchSharp.torch.tensor(new float[] { 0.2f, 0.5f, 0.3f, 0f, 0f, 1f }, [2, 3]);
        using var weights = TorchSharp.torch.tensor(new float[] { 3, 1 });
        var loss = SetLoss.SoftTargets(logits, targets, weights).item<float>();
        var p = new[] { 0.5, 1.0, -0.5 }.Select(Math.Exp).ToArray();
        var first = -(0.2 * Math.Log(p[0] / p.Sum()) + 0.5 * Math.Log(p[1] / p.Sum()) + 0.3 * Math.Log(p[2] / p.Sum()));
        var second = Math.Log(3);
        Assert.Equal((3 * first + second) / 4, loss, 5);
    }
}
