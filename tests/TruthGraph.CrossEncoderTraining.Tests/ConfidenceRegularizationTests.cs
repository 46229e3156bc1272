using TruthGraph.CrossEncoderTraining.Data;
using TruthGraph.CrossEncoderTraining.Encoder;
using TruthGraph.CrossEncoderTraining.Training;

namespace TruthGraph.CrossEncoderTraining.Tests;

/// <summary>The soft targets of <c>train --teacher</c> (confidence regularisation against the claim-only bias).</summary>
public sealed class ConfidenceRegularizationTests
{
    [Fact]
    public void No_bias_keeps_the_teacher_full_bias_makes_it_uniform_and_half_takes_the_square_root()
    {
        float[][] teacher = [[0.9f, 0.09f, 0.01f], [0.9f, 0.09f, 0.01f], [0.64f, 0.32f, 0.04f]];

        var scaled = ConfidenceRegularization.Scaled(teacher, [0, 1, 0.5]);

        Assert.Equal(teacher[0], scaled[0], (a, b) => Math.Abs(a - b) < 1e-6);
        Assert.All(scaled[1], p => Assert.Equal(1 / 3.0, p, 6));
        // √0.64, √0.32, √0.04 = 0.8, 0.566, 0.2, normalised.
        var total = 0.8 + Math.Sqrt(0.32) + 0.2;
        Assert.Equal(0.8 / total, scaled[2][0], 5);
        Assert.Equal(0.2 / total, scaled[2][2], 5);
        Assert.All(scaled, row => Assert.Equal(1, row.Sum(), 5));
    }

    [Fact]
    public void A_teacher_probability_of_zero_gives_no_nan()
    {
        var scaled = ConfidenceRegularization.Scaled([[1f, 0f, 0f]], [0.3]);

        Assert.DoesNotContain(scaled[0], float.IsNaN);
        Assert.True(scaled[0][0] > 0.999, $"{scaled[0][0]}");
    }

    [Fact]
    public void The_bias_on_the_gold_answer_sums_every_allowed_class()
    {
        double[] claimOnly = [Math.Log(0.2), Math.Log(0.3), Math.Log(0.5)];

        Assert.Equal(0.5, ConfidenceRegularization.BiasOnGold(claimOnly, [0, 0, 1]), 9);
        Assert.Equal(0.8, ConfidenceRegularization.BiasOnGold(claimOnly, [0, 1, 1]), 9);
    }

    [Fact]
    public void A_real_teacher_gives_one_distribution_per_pair_softer_than_its_own_answer()
    {
        var teacher = new MiniLmCrossEncoder(TorchTestContext.Weights, new LoraSettings(4, 8, 0), dropout: 0);
        (string Premise, string Claim)[] texts =
        [
            ("Sound cannot travel through a vacuum because it needs a medium.", "Sound can travel through a vacuum."),
            ("Water boils at 100 degrees Celsius at sea level.", "Water boils at 100 degrees Celsius."),
        ];
        var pairs = texts.Select(t => EncodedPair.Encode(TorchTestContext.Tokenizer, t.Premise, t.Claim, 64, [0, 0, 1], 1)).ToList();

        var targets = ConfidenceRegularization.Targets(teacher, TorchTestContext.Tokenizer, pairs, [.. texts.Select(t => t.Claim)], maxTokens: 64);
        var answers = new Evaluation.PairScorer(teacher, TorchTestContext.Tokenizer.PadId).Probabilities(pairs);

        Assert.Equal(2, targets.Length);
        Assert.All(targets, row => Assert.Equal(1, row.Sum(), 5));
        // Flattening moves every row towards uniform: its largest probability can only fall.
        for (var i = 0; i < targets.Length; i++)
        {
            Assert.True(targets[i].Max() <= answers[i].Max() + 1e-6, $"{targets[i].Max()} > {answers[i].Max()}");
        }
    }
}
