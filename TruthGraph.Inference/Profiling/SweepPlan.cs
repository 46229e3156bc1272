using TruthGraph.Inference.Models;

namespace TruthGraph.Inference.Profiling;

/// <summary>
/// A sweep request that passed <see cref="PerfRequestValidator.PlanSweep"/>, with its defaults filled in. The sweeper
/// takes only this, so nothing after the endpoint checks the request again.
/// </summary>
/// <param name="BatchSizes">The run batch sizes asked for, distinct and ascending; null: powers of two in the range.</param>
public sealed record SweepPlan(ModelManifest Model, IReadOnlyList<string> Texts, IReadOnlyList<string>? Hypotheses, IReadOnlyList<int>? BatchSizes,
    int? MinBatchSize, int? MaxBatchSize, long? MemoryLimitBytes, long? MemoryHeadroomBytes, TimeSpan StepDuration)
{
    public static readonly TimeSpan DefaultStepDuration = TimeSpan.FromSeconds(2);

    /// <summary>Largest run batch size of a sweep without a list or a maximum: the device decides how far it is worth going.</summary>
    public static int DefaultLargest(bool cuda) => cuda ? 1024 : 64;

    /// <summary>The run batch sizes to measure on the device the model is loaded on.</summary>
    public IReadOnlyList<int> BatchSizesOn(bool cuda)
    {
        if (BatchSizes is { } asked)
        {
            return asked;
        }
        var sizes = new List<int>();
        for (var size = 1; size <= (MaxBatchSize ?? DefaultLargest(cuda)); size *= 2)
        {
            if (size >= (MinBatchSize ?? 1))
            {
                sizes.Add(size);
            }
        }
        return sizes;
    }
}
