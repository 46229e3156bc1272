using TruthGraph.Inference.Profiling;

namespace TruthGraph.Inference.UnitTests.Profiling;

public sealed class SweepAdvisorTests
{
    private static SweepStep Step(int batch, double perSecond, double p95 = 10, long peakMiB = 500, bool crossed = false) =>
        new(batch, batch * 2, 5, batch * 10, perSecond, p95 / 2, p95, peakMiB * 1048576, peakMiB * 1048576, null, 1, 1000, crossed);

    [Fact]
    public void The_smallest_batch_within_five_percent_of_the_best_is_recommended_with_its_numbers()
    {
        var steps = new[] { Step(1, 150), Step(4, 262, p95: 15, peakMiB: 510), Step(8, 270, p95: 31, peakMiB: 530), Step(16, 240) };
        var pick = SweepAdvisor.Recommend(steps, currentBatchSize: 16, "texts", stopReason: null)!;

        Assert.Equal(4, pick.BatchSize);
        Assert.Equal(262 / 240.0, pick.SpeedupOverCurrent!.Value, 3);
        Assert.Contains("batch 4: 262.0 texts/s", pick.Justification);
        Assert.Contains("97% of the best (batch 8: 270.0 texts/s", pick.Justification);
        Assert.Contains("20 MiB less peak memory", pick.Justification);
        Assert.Contains("1.09× the current batch 16 (240.0 texts/s)", pick.Justification);
    }

    [Fact]
    public void A_step_that_crossed_the_memory_limit_is_never_recommended()
    {
        var steps = new[] { Step(1, 100), Step(2, 150), Step(4, 400, crossed: true) };
        var pick = SweepAdvisor.Recommend(steps, currentBatchSize: 2, "pairs", "batch 4 crossed the memory limit")!;

        Assert.Equal(2, pick.BatchSize);
        Assert.Contains("already the batch size in use", pick.Justification);
        Assert.Contains("batch 4 crossed the memory limit", pick.Justification);
        Assert.Null(SweepAdvisor.Recommend([Step(1, 100, crossed: true)], 1, "texts", null));
    }

    [Fact]
    public void A_sweep_measured_on_a_busy_machine_says_so_in_its_justification()
    {
        var steps = new[] { Step(1, 100), Step(2, 150) };
        Assert.Contains("load average of 7.5 on 2 cores", SweepAdvisor.Recommend(steps, 2, "texts", null, loadAverage: 7.5, cores: 2)!.Justification);
        Assert.DoesNotContain("load average", SweepAdvisor.Recommend(steps, 2, "texts", null, loadAverage: 1.2, cores: 2)!.Justification);
    }

    [Fact]
    public void The_memory_projection_extrapolates_the_steepest_growth_seen_with_a_margin()
    {
        const long mib = 1048576;
        // Baseline 600 MiB; 2 items peaked at 630 (15 MiB per item), 4 items at 650 (10 per item).
        var steps = new[] { Step(1, 1, peakMiB: 630), Step(2, 1, peakMiB: 650) };
        var projected = BatchSweeper.Project(steps, 600 * mib, nextItemsPerCall: 8);
        Assert.Equal(650 * mib + (long)(3 * 15 * mib * 4), projected);
    }
}
