using TruthGraph.Api.Cli;
using TruthGraph.Api.Benchmark.Load;

namespace TruthGraph.Api.UnitTests.Benchmark.Load;

/// <summary>The load tool's arithmetic and its guard rails.</summary>
public sealed class LoadToolTests
{
    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        var values = Enumerable.Range(1, 200).Select(i => (double)i).Reverse().ToList();
        var p = Percentiles.Of(values);
        Assert.Equal((100, 190, 198, 200), (p.P50, p.P95, p.P99, p.Max));
        Assert.Equal(100.5, p.Mean);
        Assert.True(double.IsNaN(Percentiles.Of([]).P50));
    }

    [Fact]
    public void A_steady_working_set_has_no_trend_and_a_leak_has_one()
    {
        var flat = Enumerable.Range(0, 60).Select(i => (i * 0.5, 200 + (i % 2 == 0 ? 3.0 : -3.0))).ToList();
        var leaking = Enumerable.Range(0, 60).Select(i => (i * 0.5, 200 + i * 0.5)).ToList();
        Assert.InRange(MemoryTrend.From(1, "flat", flat).FittedGrowthMb, -1, 1);
        var trend = MemoryTrend.From(2, "leak", leaking);
        Assert.Equal(60, trend.SlopeMbPerMinute, 6);
        Assert.Equal(29.5, trend.FittedGrowthMb, 6);
        Assert.Equal(60, trend.Series.Count);
    }

    [Theory]
    [InlineData("http://10.0.0.8:5000", "loopback")]
    [InlineData("http://example.com", "loopback")]
    [InlineData("http://127.0.0.1:5000", null)]
    [InlineData("http://localhost:5000", null)]
    [InlineData("http://[::1]:5000", null)]
    public void Only_loopback_addresses_are_loaded(string url, string? problem)
    {
        var options = new LoadOptions { ApiUrl = new Uri(url), Claims = ["A claim."] };
        if (problem is null)
        {
            Assert.Null(options.Problem());
        }
        else
        {
            Assert.Contains(problem, options.Problem());
        }
    }

    [Fact]
    public void Runs_are_bounded()
    {
        var options = new LoadOptions { ApiUrl = new Uri("http://127.0.0.1:1"), Claims = ["A claim."] };
        Assert.NotNull((options with { Clients = 0 }).Problem());
        Assert.NotNull((options with { Clients = LoadOptions.MaxClients + 1 }).Problem());
        Assert.NotNull((options with { Duration = TimeSpan.FromHours(1) }).Problem());
        Assert.NotNull((options with { Claims = [] }).Problem());
        Assert.Equal(TimeSpan.FromSeconds(90), LoadCommand.ParseDuration("1.5m"));
        Assert.Equal(TimeSpan.FromSeconds(60), LoadCommand.ParseDuration("60s"));
        Assert.Equal(TimeSpan.FromMilliseconds(250), LoadCommand.ParseDuration("250ms"));
    }
}
