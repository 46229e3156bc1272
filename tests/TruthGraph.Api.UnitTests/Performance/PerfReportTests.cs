using TruthGraph.Api.Inference;
using TruthGraph.Api.Performance;

namespace TruthGraph.Api.UnitTests.Performance;

/// <summary>The API-side arithmetic of performance reports: stage statistics, targets, and advice that quotes its numbers.</summary>
public sealed class PerfReportTests
{
    private static ResourceUsage Usage(double wallMs = 1000, long allocated = 1000, int gen2 = 0) =>
        new(wallMs, wallMs, allocated, 0, 0, gen2, 0, 0, 0, null, null);

    private static ComponentProfile Batch(string name, int batch, double perSecond, int items = 100, long allocated = 1000, int gen2 = 0) =>
        new(name, "m", batch, 10, items, Usage(allocated: allocated, gen2: gen2), perSecond, 1, 2, 0.1, allocated / items);

    [Fact]
    public void Stage_samples_split_each_call_into_stages_and_overhead_that_add_up_to_its_wall_time()
    {
        var samples = new StageSamples();
        samples.Add(new StageTimings(4, 2, 3, 0.5, 1.5, 11.5), callWallMs: 12);
        samples.Add(new StageTimings(6, 2, 5, 0.5, 2.5, 16.5), callWallMs: 17);
        samples.Add(new StageTimings(5, 3, 4, 0.5, 2, 14.8), callWallMs: 15);

        var stages = samples.Summaries().ToDictionary(s => s.Stage);
        Assert.Equal(StageSamples.Stages, stages.Keys);
        Assert.Equal(5, stages["embed"].MeanMs);
        Assert.Equal(5, stages["embed"].MedianMs);
        Assert.Equal(6, stages["embed"].P95Ms);
        Assert.Equal(2.5, stages["overhead"].TotalMs, 6); // (12 − 11) + (17 − 16) + (15 − 14.5): the wall time the stages do not cover
        Assert.Equal(samples.TotalMs, stages.Values.Sum(s => s.TotalMs), 6);
        Assert.Equal(1, stages.Values.Sum(s => s.Share), 3);
        Assert.Equal(44, samples.Total().TotalMs);
        Assert.Equal(15, samples.Total().MedianMs);
    }

    [Fact]
    public void Targets_are_met_or_missed_by_the_measured_figures()
    {
        var total = new StageSummary("total", 20, 15, 70, 100, 1);
        var throughput = new ThroughputFigures(240, 256, 2000, 256, "nli-minilm-head", 1800);
        var memory = new MemoryFigures(100L << 20, 700L << 20, 800L << 20, 800L << 20, null);
        var checks = TargetValidator.Check(PerfTargets.Defaults.Over(new PerfTargets(VerifyP95Ms: 50, MemoryMiB: null)), total, throughput, memory)
            .ToDictionary(c => c.Name);

        Assert.True(checks["verify p50"].Met);
        Assert.False(checks["verify p95"].Met); // 70 ms against the request's 50
        Assert.Equal(50, checks["verify p95"].Target);
        Assert.False(checks["embedding throughput"].Met); // 240 against 250
        Assert.True(checks["NLI throughput (nli-minilm-head)"].Met);
        Assert.True(checks["memory, API + inference"].Met); // the default 1,536 MiB stays when the request leaves it out
        Assert.Equal(800, checks["memory, API + inference"].Measured);
    }

    [Fact]
    public void Advice_names_the_largest_stage_and_a_better_batch_size_with_the_numbers_behind_them()
    {
        var model = new ModelProfile("m", "embedding", "texts", "cpu", "", 8, 2, 1, null,
        [
            new ComponentProfile("single inference", "m", 1, 100, 100, Usage(), 150, 5, 9, 1, 100),
            Batch("batch inference (batch 4)", 4, 150),
            Batch("batch inference", 8, 193),
            Batch("batch inference (batch 16)", 16, 270, allocated: 100 * 400_000, gen2: 3),
        ]);
        var stages = new[]
        {
            new StageSummary("embed", 1, 1, 1, 5, 0.1), new StageSummary("nli", 3.2, 3, 4, 16, 0.71), new StageSummary("database", 0.8, 1, 1, 4, 0.19),
        };
        var advice = BottleneckAdvisor.Advise([model], stages, 5, null, new ProcessMemory(1300L << 20, 1400L << 20, 0, null, null, 2));

        var verify = advice.Single(a => a.Area == "verify");
        Assert.StartsWith("NLI is 71% of verify time (mean 3.2 of 5.0 ms over 5 claims)", verify.Finding);
        Assert.Equal(0.71, verify.Basis["nliShare"]);
        var batch = advice.Single(a => a.Area == "batch size");
        Assert.StartsWith("For m, batch 16 gives 1.40× batch 8 (270.0 vs 193.0 texts/s)", batch.Finding);
        Assert.Equal(270, batch.Basis["batch16ItemsPerSecond"]);
        Assert.DoesNotContain(advice, a => a.Area == "batching"); // 193 vs 150 per second: under 1.5×
        Assert.Contains(advice, a => a.Area == "memory" && a.Finding.Contains("1300 MiB"));
        Assert.DoesNotContain(advice, a => a.Area == "allocations"); // the heavy allocator is not the batch size in use
    }

    [Fact]
    public void Job_requests_out_of_range_are_refused_field_by_field()
    {
        Assert.Contains("batchSizes", PerfRequestValidator.Validate(new SweepJobRequest(BatchSizes: [1, 6])).Keys);
        Assert.Contains("maxBatchSize", PerfRequestValidator.Validate(new SweepJobRequest(MinBatchSize: 8, MaxBatchSize: 4)).Keys);
        Assert.Empty(PerfRequestValidator.Validate(new SweepJobRequest(BatchSizes: [1, 2, 4096], SecondsPerStep: 1)));
        var run = PerfRequestValidator.Validate(new PerfRunRequest(Claims: 0, Repetitions: 21, ThroughputTexts: -1), new VerificationOptions());
        Assert.Equal(["claims", "repetitions", "throughputTexts"], run.Keys.Order());
        Assert.Contains("models", PerfRequestValidator.Validate(new ProfileJobRequest(Models: ["a", ""])).Keys);
    }
}
