using TruthGraph.Inference.Models;
using TruthGraph.ServiceDefaults.Validation;

namespace TruthGraph.Inference.Profiling;

/// <summary>Checks sweep and profile requests, naming each bad field, before any work starts.</summary>
public static class PerfRequestValidator
{
    public const int MaxTexts = 4096;

    /// <summary>
    /// The one check of a sweep request: the plan to run, or null and the bad fields. A plan is built only from a request
    /// that passed, so the sweeper trusts it.
    /// </summary>
    public static SweepPlan? PlanSweep(SweepRequest request, ModelManifest model, InferenceOptions limits, out Dictionary<string, string[]> errors)
    {
        errors = Validate(request, limits);
        return errors.Count > 0
            ? null
            : new SweepPlan(model, request.Texts!, request.Hypotheses, request.BatchSizes?.Distinct().Order().ToList(), request.MinBatchSize,
                request.MaxBatchSize, request.MemoryLimitBytes, request.MemoryHeadroomBytes,
                request.SecondsPerStep is { } seconds ? TimeSpan.FromSeconds(seconds) : SweepPlan.DefaultStepDuration);
    }

    private static Dictionary<string, string[]> Validate(SweepRequest request, InferenceOptions limits)
    {
        var errors = new Dictionary<string, string[]>();
        CheckTexts(errors, "texts", request.Texts, required: true, limits);
        CheckTexts(errors, "hypotheses", request.Hypotheses, required: false, limits);
        BatchSizeRules.CheckSweepSizes(errors, request.BatchSizes, request.MinBatchSize, request.MaxBatchSize);
        if (request.MemoryLimitBytes is <= 0)
        {
            errors["memoryLimitBytes"] = ["memoryLimitBytes must be positive."];
        }
        if (request.MemoryHeadroomBytes is <= 0)
        {
            errors["memoryHeadroomBytes"] = ["memoryHeadroomBytes must be positive."];
        }
        if (request is { MemoryLimitBytes: not null, MemoryHeadroomBytes: not null })
        {
            errors["memoryHeadroomBytes"] = ["Give either memoryLimitBytes or memoryHeadroomBytes, not both."];
        }
        CheckSeconds(errors, "secondsPerStep", request.SecondsPerStep, 0.05, 60);
        return errors;
    }

    public static Dictionary<string, string[]> Validate(ProfileRequest request, InferenceOptions limits)
    {
        var errors = new Dictionary<string, string[]>();
        CheckTexts(errors, "texts", request.Texts, required: true, limits);
        CheckTexts(errors, "hypotheses", request.Hypotheses, required: false, limits);
        if (request.Models is { Count: > 8 })
        {
            errors["models"] = ["models holds at most 8 ids."];
        }
        CheckSeconds(errors, "secondsPerComponent", request.SecondsPerComponent, 0.05, 30);
        CheckSeconds(errors, "sampleSeconds", request.SampleSeconds, 0.5, 60);
        return errors;
    }

    private static void CheckTexts(Dictionary<string, string[]> errors, string field, IReadOnlyList<string>? texts, bool required, InferenceOptions limits)
    {
        if (texts is null || texts.Count == 0)
        {
            if (required || texts is not null)
            {
                errors[field] = [$"{field} must hold at least one text (the workload to measure)."];
            }
            return;
        }
        if (texts.Count > MaxTexts)
        {
            errors[field] = [$"{field} holds {texts.Count} texts; at most {MaxTexts} are allowed."];
            return;
        }
        for (var i = 0; i < texts.Count && errors.Count < 20; i++)
        {
            if (string.IsNullOrWhiteSpace(texts[i]))
            {
                errors[$"{field}[{i}]"] = ["A text must not be empty."];
            }
            else if (texts[i].Length > limits.MaxCharactersPerText)
            {
                errors[$"{field}[{i}]"] = [$"The text has {texts[i].Length} characters; at most {limits.MaxCharactersPerText} are allowed."];
            }
        }
    }

    private static void CheckSeconds(Dictionary<string, string[]> errors, string field, double? seconds, double min, double max)
    {
        if (seconds is { } s && (double.IsNaN(s) || s < min || s > max))
        {
            errors[field] = [$"{field} must be between {min} and {max}."];
        }
    }
}
