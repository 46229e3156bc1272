namespace TruthGraph.Web.UnitTests.Components.Verification;

/// <summary>The verification's time per pipeline stage, as shares of one bar with a legend.</summary>
public sealed class StageBreakdownTests
{
    [Fact]
    public async Task Every_stage_gets_its_share_of_the_total_time_and_a_legend_entry()
    {
        await using var ctx = WebTestContext.Create();
        var timings = new TimingsView(EmbedMs: 12.5, RetrieveMs: 25, NliMs: 50, AggregateMs: 2.5, DbMs: 5, TotalMs: 100, OverheadMs: 5);
        var breakdown = ctx.Render<StageBreakdown>(p => p.Add(c => c.Timings, timings));

        var widths = breakdown.FindAll("[data-testid=stage-breakdown] > div").Select(d => (d.ClassName, d.GetAttribute("style"))).ToList();
        Assert.Equal(
            [("tg-stage-embed", "width:12.5%"), ("tg-stage-retrieve", "width:25%"), ("tg-stage-nli", "width:50%"),
             ("tg-stage-aggregate", "width:2.5%"), ("tg-stage-db", "width:5%"), ("tg-stage-other", "width:5%")],
            widths);
        Assert.Contains("total 100.0 ms", breakdown.Markup);
        Assert.Contains("NLI 50.0 ms", breakdown.Markup);
    }

    [Fact]
    public async Task A_zero_total_draws_empty_segments_instead_of_dividing_by_zero()
    {
        await using var ctx = WebTestContext.Create();
        var breakdown = ctx.Render<StageBreakdown>(p => p.Add(c => c.Timings, new TimingsView(0, 0, 0, 0, 0, 0, 0)));

        Assert.All(breakdown.FindAll("[data-testid=stage-breakdown] > div"), d => Assert.Equal("width:0%", d.GetAttribute("style")));
    }
}
