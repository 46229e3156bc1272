using TruthGraph.CrossEncoderTraining.Encoder;
using TruthGraph.CrossEncoderTraining.Training;

namespace TruthGraph.CrossEncoderTraining.Tests;

/// <summary>The claim-only prior that <c>train --claim-prior-weight</c> trains against (a product of experts).</summary>
public sealed class ClaimOnlyPriorTests
{
    [Fact]
    public void Centring_leaves_each_class_with_mean_zero_and_scales_by_the_weight()
    {
        double[][] rows = [[-0.1, -2.0, -3.0], [-0.5, -1.0, -2.0], [-0.3, -3.0, -1.0]];

        var centred = ClaimOnlyPrior.Centred(rows, weight: 0.5);

        Assert.Equal(3, centred.Length);
        for (var c = 0; c < 3; c++)
        {
            Assert.Equal(0, centred.Average(r => r[c]), 6);
        }
        // First row, entailment: (−0.1 − mean(−0.1, −0.5, −0.3)) · 0.5 = 0.1.
        Assert.Equal(0.1, centred[0][0], 6);
        // Differences between rows are kept, scaled: (−1 − (−3)) · 0.5.
        Assert.Equal(1.0, centred[2][2] - centred[0][2], 6);
    }

    [Fact]
    public void A_real_model_gives_one_row_per_pair_the_same_row_for_the_same_claim_and_a_different_one_for_another()
    {
        var model = new MiniLmCrossEncoder(TorchTestContext.Weights, new LoraSettings(4, 8, 0), dropout: 0);
        string[] claims = ["Sound cannot travel through a vacuum.", "Sound travels through a vacuum.", "Sound cannot travel through a vacuum."];

        var prior = ClaimOnlyPrior.Compute(model, TorchTestContext.Tokenizer, claims, maxTokens: 64, weight: 1);

        Assert.Equal(3, prior.Length);
        Assert.All(prior, row => Assert.Equal(MiniLmCrossEncoder.Labels, row.Length));
        Assert.Equal(prior[0], prior[2]);
        Assert.NotEqual(prior[0], prior[1]);
        for (var c = 0; c < MiniLmCrossEncoder.Labels; c++)
        {
            Assert.Equal(0, prior.Average(r => r[c]), 5);
        }
    }
}
