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
        // The memory bars stack the two series: each size is drawn once, the recommended one in its own colour.
        Assert.Equal([600, 640, null, 760], chart.OtherMemoryMiB);
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
        Assert.Equal([500, 530], chart.OtherMemoryMiB);
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
}
