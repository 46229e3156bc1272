using System.Numerics;

namespace TruthGraph.ServiceDefaults.Validation;

/// <summary>
/// What a valid batch size and a valid sweep range are, for both services: the API checks a sweep job before it queues
/// (so that a bad one is refused at once, not failed later), the inference service checks its own endpoints. One copy,
/// so that the two never disagree about the same request.
/// </summary>
public static class BatchSizeRules
{
    /// <summary>The largest batch size any endpoint accepts.</summary>
    public const int Largest = 4096;

    public const int MaxSizesPerSweep = 16;

    public static bool IsInRange(int size) => size is >= 1 and <= Largest;

    /// <summary>A sweep measures either a list of powers of two or the powers of two of a min/max range, never both.</summary>
    public static void CheckSweepSizes(IDictionary<string, string[]> errors, IReadOnlyList<int>? sizes, int? min, int? max)
    {
        if (sizes is not null)
        {
            if (sizes.Count is 0 or > MaxSizesPerSweep)
            {
                errors["batchSizes"] = [$"batchSizes holds 1 to {MaxSizesPerSweep} sizes."];
            }
            else if (sizes.FirstOrDefault(s => !IsInRange(s) || !BitOperations.IsPow2(s)) is var bad and not 0)
            {
                errors["batchSizes"] = [$"{bad} is not a power of two between 1 and {Largest}."];
            }
            if (min is not null || max is not null)
            {
                errors["batchSizes"] = ["Give either batchSizes or minBatchSize/maxBatchSize, not both."];
            }
        }
        CheckOptional(errors, "minBatchSize", min);
        if (CheckOptional(errors, "maxBatchSize", max) && min is { } low && max is { } high && low > high)
        {
            errors["maxBatchSize"] = ["maxBatchSize must not be below minBatchSize."];
        }
    }

    /// <summary>True when the size is absent or in range; otherwise names the field in <paramref name="errors"/>.</summary>
    public static bool CheckOptional(IDictionary<string, string[]> errors, string field, int? size)
    {
        if (size is { } value && !IsInRange(value))
        {
            errors[field] = [$"{field} must be between 1 and {Largest}; it was {value}."];
            return false;
        }
        return true;
    }
}
