using TruthGraph.ServiceDefaults.Validation;
using System.Numerics;

namespace TruthGraph.Api.Performance;

/// <summary>Checks the bodies of POST /api/sweeps, /api/profiles and /api/perf-runs, naming each bad field.</summary>
public static class PerfRequestValidator
{
    public static Dictionary<string, string[]> Validate(SweepJobRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        BatchSizeRules.CheckSweepSizes(errors, request.BatchSizes, request.MinBatchSize, request.MaxBatchSize);
        Range(errors, "memoryLimitMiB", request.MemoryLimitMiB, 1, 1 << 20);
        Range(errors, "memoryHeadroomMiB", request.MemoryHeadroomMiB, 1, 1 << 20);
        if (request is { MemoryLimitMiB: not null, MemoryHeadroomMiB: not null })
        {
            errors["memoryHeadroomMiB"] = ["Give either memoryLimitMiB or memoryHeadroomMiB, not both."];
        }
        Range(errors, "secondsPerStep", request.SecondsPerStep, 0.05, 60);
        Range(errors, "texts", request.Texts, 1, 4096);
        return errors;
    }

    public static Dictionary<string, string[]> Validate(ProfileJobRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Models is { } models && (models.Count > 8 || models.Any(string.IsNullOrWhiteSpace)))
        {
            errors["models"] = ["models holds at most 8 model ids, none empty."];
        }
        Range(errors, "secondsPerComponent", request.SecondsPerComponent, 0.05, 30);
        Range(errors, "sampleSeconds", request.SampleSeconds, 0.5, 60);
        Range(errors, "claims", request.Claims, 1, 50);
        Range(errors, "texts", request.Texts, 1, 4096);
        return errors;
    }

    public static Dictionary<string, string[]> Validate(PerfRunRequest request, VerificationOptions options)
    {
        var errors = new Dictionary<string, string[]>();
        Range(errors, "claims", request.Claims, 1, 100);
        Range(errors, "topK", request.TopK, 1, options.MaxTopK);
        Range(errors, "repetitions", request.Repetitions, 1, 20);
        Range(errors, "throughputTexts", request.ThroughputTexts, 0, 4096);
        if (request.Targets is { } t)
        {
            Range(errors, "targets.verifyP50Ms", t.VerifyP50Ms, 0.001, 1e6);
            Range(errors, "targets.verifyP95Ms", t.VerifyP95Ms, 0.001, 1e6);
            Range(errors, "targets.embeddingTextsPerSecond", t.EmbeddingTextsPerSecond, 0.001, 1e9);
            Range(errors, "targets.nliPairsPerSecond", t.NliPairsPerSecond, 0.001, 1e9);
            Range(errors, "targets.memoryMiB", t.MemoryMiB, 1, 1 << 24);
        }
        return errors;
    }

    private static void Range(Dictionary<string, string[]> errors, string field, double? value, double min, double max)
    {
        if (value is { } v && (double.IsNaN(v) || v < min || v > max))
        {
            errors[field] = [$"{field} must be between {min} and {max}; it was {v}."];
        }
    }
}
