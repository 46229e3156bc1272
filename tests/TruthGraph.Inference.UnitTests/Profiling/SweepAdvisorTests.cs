using TruthGraph.Inference.Profiling;

namespace TruthGraph.Inference.UnitTests.Profiling;

public sealed class SweepAdvisorTests
{
    private static SweepStep Step(int batch, double perSecond, double p95 = 10, long peakMiB = 500, bool crossed = false, double spread = 0) =>
        new(batch, batch * 2, 5, batch * 10, perSecond, p95 / 2, p95, peakMiB * 1048576, peakMiB * 1048576, null, 1, 1000, crossed, spread);

    [Fact]
    public void A_smaller_batch_no_faster_than_the_spread_keeps_the_batch_size_in_use_and_says_the_threshold()
    {
        // The case from the dashboard: batch 8 "recommended" over 16 for a 1.00× gain.
        var steps = new[] { Step(4, 180, spread: 0.05), Step(8, 250.4, spread: 0.04), Step(16, 250, spread: 0.03), Step(32, 240, spread: 0.02) };
        var pick = SweepAdvisor.Recommend(steps, currentBatchSize: 16, "pairs", stopReason: null)!;

        Assert.Equal(16, pick.BatchSize);
        Assert.Equal(1.0, pick.SpeedupOverCurrent);
        Assert.StartsWith("keep 16: 8 is 1.00× (within the ±4 % run-to-run spread)", pick.Justification);
        Assert.Contains("batch 16: 250.0 pairs/s", pick.Justification);
    }

    [Theory]
    [InlineData(0.03, 0.10, 1.08, 16)] // an 8 % gain inside the candidate's ±10 % spread is noise
    [InlineData(0.10, 0.03, 1.08, 16)] // and inside the current size's ±10 % spread too
    [InlineData(0.03, 0.04, 1.08, 8)] // the same gain beyond both spreads is real
    [InlineData(0.002, 0.003, 1.005, 8)] // a very steady run: even a 0.5 % gain counts
    public void A_change_is_recommended_only_when_its_gain_exceeds_the_larger_spread_of_the_two_sizes(
        double currentSpread, double candidateSpread, double gain, int recommended)
    {
        var steps = new[] { Step(8, 200 * gain, spread: candidateSpread), Step(16, 200, spread: currentSpread) };

        var pick = SweepAdvisor.Recommend(steps, currentBatchSize: 16, "texts", stopReason: null)!;

        Assert.Equal(recommended, pick.BatchSize);
        Assert.Equal(recommended == 16 ? 1.0 : gain, pick.SpeedupOverCurrent!.Value, 3);
    }

    [Fact]
    public void A_slower_candidate_keeps_the_batch_size_in_use_and_the_load_warning_still_follows()
    {
        var steps = new[] { Step(8, 97, spread: 0.02), Step(16, 100, spread: 0.02) };
        var pick = SweepAdvisor.Recommend(steps, currentBatchSize: 16, "texts", stopReason: null, loadAverage: 5, cores: 2)!;

        Assert.Equal(16, pick.BatchSize);
        Assert.StartsWith("keep 16: 8 is 0.97× (within the ±2 % run-to-run spread)", pick.Justification);
        Assert.Contains("load average of 5.0 on 2 cores", pick.Justification);
    }

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
