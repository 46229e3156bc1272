using TruthGraph.Api.Performance;
using Microsoft.Extensions.Options;
using TruthGraph.Inference.Models;
using ApiValidator = TruthGraph.Api.Performance.PerfRequestValidator;
using InferenceValidator = TruthGraph.Inference.Profiling.PerfRequestValidator;
using SweepPlan = TruthGraph.Inference.Profiling.SweepPlan;
using SweepRequest = TruthGraph.Inference.Profiling.SweepRequest;

namespace TruthGraph.Api.UnitTests.Performance;

/// <summary>A sweep request is checked once, into a plan; the plan then decides the run batch sizes on its own.</summary>
public sealed class SweepPlanTests
{
    private const string MiniLmId = "all-minilm-l6-v2";

    // The inference service's own catalogue, so that the plan sees the shipped manifest.
    private static readonly ModelManifest MiniLm =
        new ModelCatalog(Options.Create(new InferenceOptions())).All.Single(m => m.Id == MiniLmId);

    private static SweepPlan? Plan(SweepRequest request, out Dictionary<string, string[]> errors) =>
        InferenceValidator.PlanSweep(request, MiniLm, new InferenceOptions(), out errors);

    [Theory]
    [InlineData(new[] { 3 }, null, null, "batchSizes")]
    [InlineData(new[] { 2, 4 }, 1, null, "batchSizes")]
    [InlineData(null, 0, null, "minBatchSize")]
    [InlineData(null, 16, 8, "maxBatchSize")]
    [InlineData(null, null, 8192, "maxBatchSize")]
    public void A_bad_request_gets_no_plan_and_errors_naming_the_field_as_the_api_does_before_it_queues_the_job(
        int[]? sizes, int? min, int? max, string field)
    {
        var plan = Plan(new SweepRequest(MiniLmId, ["a text"], BatchSizes: sizes, MinBatchSize: min, MaxBatchSize: max), out var errors);
        var job = ApiValidator.Validate(new SweepJobRequest(BatchSizes: sizes, MinBatchSize: min, MaxBatchSize: max));

        Assert.Null(plan);
        Assert.Equal([field], errors.Keys);
        Assert.Equal(errors, job);
    }

    [Fact]
    public void A_good_request_becomes_a_plan_with_its_sizes_distinct_and_ascending_and_the_defaults_filled_in()
    {
        var plan = Plan(new SweepRequest(MiniLmId, ["a text"], BatchSizes: [8, 2, 8, 1]), out var errors);

        Assert.Empty(errors);
        Assert.NotNull(plan);
        Assert.Same(MiniLm, plan.Model);
        Assert.Equal([1, 2, 8], plan.BatchSizesOn(cuda: true));
        Assert.Equal(SweepPlan.DefaultStepDuration, plan.StepDuration);
    }

    [Fact]
    public void Without_a_list_the_plan_takes_the_powers_of_two_of_its_range_or_of_the_device()
    {
        var open = Plan(new SweepRequest(MiniLmId, ["a text"], SecondsPerStep: 0.5), out _)!;
        var ranged = Plan(new SweepRequest(MiniLmId, ["a text"], MinBatchSize: 3, MaxBatchSize: 40), out _)!;

        Assert.Equal([1, 2, 4, 8, 16, 32, 64], open.BatchSizesOn(cuda: false));
        Assert.Equal(1024, open.BatchSizesOn(cuda: true)[^1]);
        Assert.Equal(TimeSpan.FromSeconds(0.5), open.StepDuration);
        Assert.Equal([4, 8, 16, 32], ranged.BatchSizesOn(cuda: false));
    }
}
