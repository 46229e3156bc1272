namespace TruthGraph.Web.UnitTests.Services;

public sealed class SweepChartDataTests
{
    private const long MiB = 1024 * 1024;

    private static SweepStepView Step(int batch, double perSecond, long memoryMiB) =>
        new(batch, batch, 10, 10 * batch, perSecond, 5, 9, memoryMiB * MiB, CrossedLimit: false);

    [Fact]
    public void Each_batch_size_gets_its_throughput_and_memory_in_ascending_order_and_the_recommendation_its_own_point()
    {
        // Out of order, as steps can arrive when live events and the report overlap.
        var chart = SweepChartData.From([Step(4, 260.26, 700), Step(1, 150, 600), Step(8, 255, 760), Step(2, 210.04, 640)], recommendedBatchSize: 4);

        Assert.Equal([1, 2, 4, 8], chart.BatchSizes);
        Assert.Equal(["1", "2", "4 ★", "8"], chart.Labels);
        Assert.Equal([150, 210, 260.3, 255], chart.Throughput);
        Assert.Equal([600, 640, 700, 760], chart.PeakMemoryMiB);
        Assert.Equal(2, chart.RecommendedIndex);
        Assert.Equal([null, null, 260.3, null], chart.RecommendedThroughput);
        Assert.Equal([null, null, 700, null], chart.RecommendedMemoryMiB);
    }

    [Fact]
    public void A_recommendation_that_no_step_measured_marks_nothing_and_a_repeated_size_keeps_its_last_step()
    {
        var chart = SweepChartData.From([Step(1, 100, 500), Step(2, 150, 520), Step(2, 180, 530)], recommendedBatchSize: 16);

        Assert.Equal([1, 2], chart.BatchSizes);
        Assert.Equal([100, 180], chart.Throughput);
        Assert.Null(chart.RecommendedIndex);
        Assert.DoesNotContain(chart.Labels, l => l.Contains(SweepChartData.RecommendedMark));
        Assert.All(chart.RecommendedThroughput, Assert.Null);
    }

    [Fact]
    public async Task The_result_draws_both_charts_from_the_report_and_shows_the_recommendation_with_its_justification_and_apply()
    {
        await using var ctx = WebTestContext.Create();
        var report = new SweepReportView("all-minilm-l6-v2", "text", "cpu", 16, [Step(1, 150, 600), Step(2, 210, 640), Step(4, 260, 700)],
            "working set", 2048 * MiB, 550 * MiB, null, new SweepRecommendationView(2, 210, 1.3, "Batch 2 is within 5% of the best (batch 4)."), 3.2, 1.5, 2);
        var applied = false;
        var anonymous = ctx.Render<SweepResult>(p => p.Add(c => c.Report, report).Add(c => c.OnApply, () => applied = true));
        Assert.True(anonymous.Find("[data-testid=sweep-apply]").HasAttribute("disabled"));
        var result = ctx.Render<SweepResult>(p => p.Add(c => c.Report, report).Add(c => c.CanApply, true).Add(c => c.OnApply, () => applied = true));

        Assert.Equal("150,210,260", result.Find("[data-testid=sweep-throughput-chart]").GetAttribute("data-values"));
        Assert.Equal("600,640,700", result.Find("[data-testid=sweep-memory-chart]").GetAttribute("data-values"));
        Assert.NotEmpty(result.FindAll("[data-testid=sweep-throughput-chart] svg"));
        Assert.Contains("2 ★", result.Find("[data-testid=sweep-throughput-chart]").TextContent);
        Assert.Equal("2", result.Find("[data-testid=sweep-recommendation]").GetAttribute("data-batch-size"));
        Assert.Contains("within 5% of the best", result.Find("[data-testid=sweep-justification]").TextContent);

        result.Find("[data-testid=sweep-apply]").Click();
        Assert.True(applied);
        Assert.Empty(result.FindAll("[data-testid=sweep-applied]"));
    }

    [Fact]
    public async Task An_applied_recommendation_is_confirmed_and_cannot_be_applied_twice()
    {
        await using var ctx = WebTestContext.Create();
        var report = new SweepReportView("all-minilm-l6-v2", "text", "cpu", 16, [Step(1, 150, 600), Step(2, 210, 640)],
            "working set", 2048 * MiB, 550 * MiB, null, new SweepRecommendationView(2, 210, null, "why"), 3.2, null, 2);
        var result = ctx.Render<SweepResult>(p => p.Add(c => c.Report, report).Add(c => c.AppliedBatchSize, 2));

        Assert.Contains("Batch size 2 applied to all-minilm-l6-v2 on cpu", result.Find("[data-testid=sweep-applied]").TextContent);
        Assert.True(result.Find("[data-testid=sweep-apply]").HasAttribute("disabled"));
    }

    [Theory]
    [InlineData(new double[] { 20, 35, 50, 60.2, 60, 58, 55 }, 10)] // 16 ticks at an interval of 4 before
    [InlineData(new double[] { 900, 905, 912, 930, 960, 1010, 1100 }, 50)]
    [InlineData(new double[] { 1.2, 2.5, 3.1 }, 1)]
    [InlineData(new double[] { 640, 640 }, 10)]
    [InlineData(new double[] { 1260, 1260.5, 1261.3 }, 20)] // memory that hardly moved is drawn nearly flat
    public void A_value_axis_gets_a_round_interval_of_about_five_ticks_over_the_measured_range(double[] values, int step) =>
        Assert.Equal(step, SweepChartData.TickStep(values));

    [Fact]
    public async Task Both_charts_label_their_value_axis_with_a_handful_of_ticks_scaled_to_the_measured_range()
    {
        await using var ctx = WebTestContext.Create();
        var steps = new[] { Step(1, 20, 900), Step(2, 35, 905), Step(4, 50, 912), Step(8, 60.2, 930), Step(16, 60, 960), Step(32, 58, 1010), Step(64, 55, 1100) };
        var report = new SweepReportView("nli-minilm-cross", "pairs", "cpu", 16, steps, "working set", 8192 * MiB, 880 * MiB, null,
            new SweepRecommendationView(16, 60, 1.0, "keep 16: 8 is 1.00× (within the ±4 % run-to-run spread)"), 3.2, null, 2);

        var result = ctx.Render<SweepResult>(p => p.Add(c => c.Report, report));

        foreach (var (chart, lowest, highest) in new[] { ("sweep-throughput-chart", 20.0, 60.2), ("sweep-memory-chart", 900.0, 1100.0) })
        {
            var ticks = result.Find($"[data-testid={chart}]").QuerySelectorAll("text").Select(t => t.TextContent.Trim())
                .Select(t => double.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : (double?)null)
                .OfType<double>().Where(v => !steps.Any(s => s.BatchSize == v)).ToList();
            Assert.InRange(ticks.Count, 3, 8);
            // Scaled to the data, not from zero: the lowest tick is near the lowest value, so the differences show.
            Assert.InRange(ticks.Min(), lowest - (highest - lowest) / 2, lowest);
            Assert.True(ticks.Max() >= highest - (highest - lowest) / 4, $"{chart}: the top tick {ticks.Max()} is far below {highest}");
        }
    }

    [Fact]
    public async Task A_recommendation_to_keep_the_batch_size_in_use_says_so_and_offers_nothing_to_apply()
    {
        await using var ctx = WebTestContext.Create();
        var report = new SweepReportView("nli-minilm-cross", "pairs", "cpu", 16, [Step(8, 250.4, 700), Step(16, 250, 720)], "working set",
            2048 * MiB, 550 * MiB, null, new SweepRecommendationView(16, 250, 1.0, "keep 16: 8 is 1.00× (within the ±4 % run-to-run spread)"), 3.2, null, 2);

        var result = ctx.Render<SweepResult>(p => p.Add(c => c.Report, report));

        Assert.StartsWith("Keep batch size 16", result.Find("[data-testid=sweep-headline]").TextContent.Trim());
        Assert.Equal("true", result.Find("[data-testid=sweep-recommendation]").GetAttribute("data-keeps"));
        Assert.Contains("within the ±4 % run-to-run spread", result.Find("[data-testid=sweep-justification]").TextContent);
        Assert.Empty(result.FindAll("[data-testid=sweep-apply]"));
    }
}
