using TruthGraph.NliTraining.Features;

namespace TruthGraph.NliTraining.Tests.Features;

public sealed class PairFeaturesTests
{
    [Fact]
    public void Features_are_premise_hypothesis_absolute_difference_and_product_in_that_order()
    {
        float[] premise = [0.5f, -1f, 2f];
        float[] hypothesis = [1.5f, 3f, -2f];

        var features = PairFeatures.Build(premise, hypothesis);

        Assert.Equal(
            [0.5f, -1f, 2f, /* v */ 1.5f, 3f, -2f, /* |u-v| */ 1f, 4f, 4f, /* u*v */ 0.75f, -3f, -4f],
            features);
        Assert.Equal(["u", "v", "abs(u-v)", "u*v"], PairFeatures.Layout);
    }

    [Fact]
    public void Swapping_premise_and_hypothesis_changes_the_features()
    {
        float[] a = [1f, 0f];
        float[] b = [0f, 1f];

        Assert.NotEqual(PairFeatures.Build(a, b), PairFeatures.Build(b, a));
    }

    [Fact]
    public void Embeddings_of_different_sizes_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => PairFeatures.Build(new float[384], new float[383]));
        Assert.Equal(1536, PairFeatures.Width(384));
    }
}
