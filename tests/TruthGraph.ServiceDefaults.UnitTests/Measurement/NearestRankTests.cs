using TruthGraph.ServiceDefaults.Measurement;

namespace TruthGraph.ServiceDefaults.UnitTests.Measurement;

/// <summary>The one percentile definition every latency report uses.</summary>
public sealed class NearestRankTests
{
    [Fact]
    public void A_percentile_is_the_value_at_the_nearest_rank_never_an_interpolation()
    {
        double[] sorted = [10, 20, 30, 40];

        Assert.Equal(20, NearestRank.Percentile(sorted, 0.50));   // rank ceil(2.0) = 2
        Assert.Equal(30, NearestRank.Percentile(sorted, 0.51));   // rank ceil(2.04) = 3, not 20.4
        Assert.Equal(40, NearestRank.Percentile(sorted, 0.95));
        Assert.Equal(40, NearestRank.Percentile(sorted, 1.00));
        Assert.Equal(10, NearestRank.Percentile(sorted, 0.01));
    }

    [Fact]
    public void No_values_have_no_percentile_and_one_value_is_every_percentile()
    {
        Assert.True(double.IsNaN(NearestRank.Percentile([], 0.5)));
        Assert.Equal(7, NearestRank.Percentile([7], 0.5));
        Assert.Equal(7, NearestRank.Percentile([7], 0.99));
    }
}
