namespace TruthGraph.Web.UnitTests.Services;

public sealed class StageBreakdownDataTests
{
    private static readonly StageSummaryView[] Stages =
    [
        // Not in pipeline order, as a future API might send them, with a stage this dashboard does not know.
        new("database", 5.4, 4.2, 10.6, 27, 0.248),
        new("embed", 8.8, 9.2, 11.0, 44, 0.403),
        new("retrieve", 3.0, 2.8, 4.0, 15, 0.138),
        new("nli", 4.3, 4.2, 5.4, 21.6, 0.198),
        new("aggregate", 0.05, 0.05, 0.07, 0.25, 0.002),
        new("overhead", 0.25, 0.21, 0.43, 1.25, 0.011),
        new("rerank", 0.1, 0.1, 0.1, 0.5, 0.0),
    ];

    private static readonly StageSummaryView Total = new("total", 21.8, 22.3, 26.2, 109.6, 1);

    [Fact]
    public void Stages_come_in_pipeline_order_with_their_statistics_shares_in_percent_and_unknown_ones_last()
    {
        var data = StageBreakdownData.From(Stages, Total);

        Assert.Equal(["embed", "retrieve", "NLI", "aggregate", "database", "overhead", "rerank"], data.Rows.Select(r => r.Label));
        var nli = data.Rows[2];
        Assert.Equal((4.3, 4.2, 5.4, 19.8), (nli.MeanMs, nli.MedianMs, nli.P95Ms, nli.SharePercent));
        Assert.Equal("tg-stage-db", data.Rows[4].CssClass);
        Assert.Equal((21.8, 22.3, 26.2, 100.0), (data.Total.MeanMs, data.Total.MedianMs, data.Total.P95Ms, data.Total.SharePercent));
    }

    [Fact]
    public void The_stacked_bar_has_a_bar_per_statistic_and_a_series_per_stage_in_the_stage_colours()
    {
        var data = StageBreakdownData.From(Stages, Total);

        Assert.Equal(["mean", "median", "p95"], data.BarLabels);
        Assert.Equal(data.Rows.Select(r => r.Label), data.BarSeries.Select(s => s.Stage));
        Assert.Equal([8.8, 9.2, 11.0], data.BarSeries[0].Values);
        Assert.Equal([5.4, 4.2, 10.6], data.BarSeries[4].Values);
        Assert.Equal(["#5e35b1", "#1e88e5", "#fb8c00", "#00897b", "#6d4c41", "#bdbdbd", "#9e9e9e"], data.Palette);
        // The mean bar stacks to the run's mean per call (the stages add up to the total).
        Assert.Equal(Total.MeanMs, data.BarSeries.Take(6).Sum(s => s.Values[0]), 1);
    }

    [Fact]
    public async Task The_run_result_shows_a_row_per_stage_the_stacked_bar_and_a_pass_or_fail_chip_per_target()
    {
        await using var ctx = WebTestContext.Create();
        var report = new PerfRunReportView(5, 10, 1, true, 5, Stages[..6], Total, new StageConsistencyView(109.6, 111, 1.3, true),
            [new("verify p50", "≤", 60, 22.3, "ms", true), new("embedding throughput", "≥", 250, 180.6, "texts/s", false)],
            AllTargetsMet: false, "all-minilm-l6-v2", "nli-minilm-head", "cpu", 7.1, 3.2, 2);
        var result = ctx.Render<PerfRunResult>(p => p.Add(c => c.Report, report));

        Assert.Equal(["embed", "retrieve", "NLI", "aggregate", "database", "overhead"],
            result.FindAll("[data-testid=stage-name]").Select(c => c.TextContent.Trim()));
        Assert.NotEmpty(result.FindAll("[data-testid=stage-chart] svg"));
        var chips = result.FindAll("[data-testid=perf-target]");
        Assert.Equal(["true", "false"], chips.Select(c => c.GetAttribute("data-met")));
        Assert.Contains("embedding throughput: 181 texts/s (≥ 250 texts/s)", System.Text.RegularExpressions.Regex.Replace(chips[1].TextContent, @"\s+", " "));
        Assert.Contains("1 of 2 targets missed", result.Markup);
    }
}
