using Microsoft.AspNetCore.Http.HttpResults;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Nli;
using TruthGraph.Inference.Onnx;
using TruthGraph.Inference.Onnx.Quantization;
using TruthGraph.ServiceDefaults.Validation;

namespace TruthGraph.Inference.Apis;

/// <summary><c>/v1/models</c>: the catalogue with cache state, device and counters; warm-up, unload and settings per model.</summary>
public static class ModelsApi
{
    public static IEndpointRouteBuilder MapModelsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/models").WithTags("Models");
        group.MapGet("/", ListModels).WithName("ListModels").WithSummary("Models this service can load, with cache state and device");
        group.MapGet("/{id}", GetModel).WithName("GetModel").WithSummary("One model's state and counters");
        // Changing what is loaded and how it runs affects every caller: these need the API key.
        group.MapPost("/{id}/warmup", WarmUp).WithName("WarmUpModel").RequireApiKey()
            .WithSummary("Load the model if needed and run a warm-up input (needs the API key)");
        group.MapPost("/{id}/unload", Unload).WithName("UnloadModel").RequireApiKey()
            .WithSummary("Free the model's sessions and memory (needs the API key)");
        group.MapPost("/{id}/settings", ChangeSettings).WithName("ChangeModelSettings").RequireApiKey()
            .WithSummary("Change batch size or micro-batching at run time (needs the API key)");
        group.MapPost("/{id}/tuned-batch-size", ApplyTunedBatchSize).WithName("ApplyTunedBatchSize").RequireApiKey()
            .WithSummary("Use a batch size (a sweep's recommendation) for the model on a device, now and after restarts (needs the API key)");
        return routes;
    }

    public static Ok<ModelListResponse> ListModels(ModelCache cache) =>
        TypedResults.Ok(new ModelListResponse(cache.DescribeAll().Select(ModelInfo.From).ToList()));

    public static Results<Ok<ModelInfo>, ProblemHttpResult> GetModel(string id, ModelCache cache) =>
        Known(id, cache) ? TypedResults.Ok(ModelInfo.From(cache.Describe(id))) : NotFound(id);

    public static async Task<Results<Ok<ModelInfo>, ProblemHttpResult>> WarmUp(string id, ModelCache cache, CancellationToken cancellationToken) =>
        Known(id, cache) ? TypedResults.Ok(ModelInfo.From(await cache.WarmUpAsync(id, cancellationToken))) : NotFound(id);

    public static async Task<Results<Ok<ModelInfo>, ProblemHttpResult>> Unload(string id, ModelCache cache)
    {
        if (!Known(id, cache))
        {
            return NotFound(id);
        }
        await cache.UnloadAsync(id);
        return TypedResults.Ok(ModelInfo.From(cache.Describe(id)));
    }

    public static Results<Ok<ModelInfo>, ValidationProblem, ProblemHttpResult> ChangeSettings(string id, ModelSettingsRequest request, ModelCache cache)
    {
        if (!Known(id, cache))
        {
            return NotFound(id);
        }
        var errors = new Dictionary<string, string[]>();
        if (!BatchSizeRules.CheckOptional(errors, "batchSize", request.BatchSize))
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (request.BatchSize is { } size)
        {
            cache.SetBatchSize(id, size);
        }
        if (request.MicroBatching is { } on)
        {
            cache.SetMicroBatching(id, on);
        }
        return TypedResults.Ok(ModelInfo.From(cache.Describe(id)));
    }

    public static Results<Ok<ModelInfo>, ValidationProblem, ProblemHttpResult> ApplyTunedBatchSize(
        string id, TunedBatchSizeRequest request, ModelCache cache)
    {
        if (!Known(id, cache))
        {
            return NotFound(id);
        }
        var errors = new Dictionary<string, string[]>();
        if (request.BatchSize is not { } size || !BatchSizeRules.IsInRange(size))
        {
            errors["batchSize"] = [$"batchSize is required and must be between 1 and {BatchSizeRules.Largest}."];
        }
        var device = request.Device ?? cache.Describe(id).Device;
        if (device is null)
        {
            errors["device"] = ["device is required while the model is not loaded (cpu or cuda)."];
        }
        else if (device is not ("cpu" or "cuda"))
        {
            errors["device"] = ["device must be cpu or cuda."];
        }
        if (request.Source is { Length: > 200 })
        {
            errors["source"] = ["source holds at most 200 characters."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        return TypedResults.Ok(ModelInfo.From(cache.ApplyTunedBatchSize(id, device!, request.BatchSize!.Value, request.Source)));
    }

    private static bool Known(string id, ModelCache cache)
    {
        try
        {
            cache.Runtime(id);
            return true;
        }
        catch (ModelNotFoundException)
        {
            return false;
        }
    }

    private static ProblemHttpResult NotFound(string id) =>
        ModelProblems.Problem("Unknown model", $"Model '{id}' is not in the model catalogue.", StatusCodes.Status404NotFound, id);
}

public sealed record ModelSettingsRequest(int? BatchSize, bool? MicroBatching);

/// <param name="Device">cpu or cuda; null: the device the model is loaded on.</param>
/// <param name="Source">What the size came from (a sweep's id, say), kept with it.</param>
public sealed record TunedBatchSizeRequest(int? BatchSize, string? Device = null, string? Source = null);

public sealed record ModelListResponse(IReadOnlyList<ModelInfo> Data)
{
    public string Object => "list";
}

public sealed record ModelStatsInfo(long Loads, double? LoadMilliseconds, long Requests, long Items, long Tokens, long TruncatedItems,
    long Batches, long Runs, DateTimeOffset? LastUsed);

/// <summary>The INT8 file a loaded model runs: how it was made and from what.</summary>
public sealed record QuantizationInfo(string Method, string? WeightEncoding, string File, string Sha256, long Bytes, string SourceSha256,
    DateTimeOffset Created, int QuantizedLayers, int FloatLayers)
{
    public static QuantizationInfo? From(QuantizedModelRecord? record) => record is null ? null
        : new(record.Method, record.WeightEncoding, record.File, record.Sha256, record.Bytes, record.SourceSha256, record.Created, record.QuantizedLayers.Count, record.KeptFloat.Count);
}

/// <param name="Precision"><c>fp32</c> | <c>int8</c> (Inference:Precision); a bi-encoder head reports its encoder's.</param>
/// <param name="PrecisionReason">Why the precision is what it is where that is not just the setting: the INT8 self-check's failure.</param>
/// <param name="Int8Method">The INT8 rewrite when int8 is configured, else null.</param>
/// <param name="Int8WeightEncoding"><c>s8</c> | <c>s7</c> | <c>u8</c>: how the INT8 weights are stored (Inference:Int8WeightEncoding, by default chosen for the CPU).</param>
/// <param name="Int8WeightEncodingReason">Why that encoding (the CPU's dot-product instructions, or the setting).</param>
/// <param name="Quantization">The INT8 file made for the model, once it is loaded (also when the self-check refused it).</param>
/// <param name="Int8SelfCheck">The start-up comparison of the INT8 model with fp32 on fixed inputs, once loaded.</param>
/// <param name="Accuracy">What the manifest says was measured when the model was built (NLI models), else null.</param>
/// <param name="VerdictThresholds">The verdict thresholds tuned for an NLI model's scores (support, refute, relevance floor), else null.</param>
/// <param name="Calibration">An NLI model's calibration (temperature, ECE and reliability diagram before and after), else null.</param>
public sealed record ModelInfo(
    string Id, string Task, int Dimensions, int MaxTokens, string Pooling, IReadOnlyList<string> Labels, string License,
    string Weights, bool Available, string State, bool Loaded, string? Device, string? DeviceReason, string? LoadError,
    int BatchSize, BatchSizeSource BatchSizeSource, IReadOnlyDictionary<string, TunedBatchSize> TunedBatchSizes, bool MicroBatching, int? Sessions,
    int? IntraOpThreads, long? MemoryBytes, ModelStatsInfo Stats, string Precision, string? PrecisionReason, string? Int8Method,
    string? Int8WeightEncoding, string? Int8WeightEncodingReason, QuantizationInfo? Quantization, Int8SelfCheckResult? Int8SelfCheck,
    ModelAccuracy? Accuracy, VerdictThresholds? VerdictThresholds, CalibrationSpec? Calibration = null, string? Revision = null)
{
    public string Object => "model";

    public string OwnedBy => "truthgraph";

    public static ModelInfo From(ModelStatus s)
    {
        var m = s.Manifest;
        var st = s.Stats;
        return new ModelInfo(m.Id, m.Task.ToString().ToLowerInvariant(), m.Dimensions, m.MaxTokens, m.Pooling, m.Labels, m.License,
            m.Weights.ToString(), s.Available, s.State, s.Loaded, s.Device, s.DeviceReason, s.LoadError, s.BatchSize, s.BatchSizeSource,
            s.TunedBatchSizes, s.MicroBatching,
            s.Sessions, s.IntraOpThreads, s.EstimatedBytes,
            new ModelStatsInfo(st.Loads, st.LastLoadMilliseconds, st.Requests, st.Items, st.Tokens, st.TruncatedItems, st.Batches, st.Runs, st.LastUsed),
            s.Precision.Name, s.Int8Check?.Reason, Configured(s)?.Int8Method?.Name(), Configured(s)?.EffectiveEncoding?.Name(),
            Configured(s)?.WeightEncodingReason, QuantizationInfo.From(s.Int8File), s.Int8Check, ModelAccuracy.From(m.Metrics),
            m.Task == ModelTask.Nli ? VerdictThresholds.From(m) : null, m.Task == ModelTask.Nli ? m.Calibration : null,
            // The precision is part of it: an INT8 file refused by its self-check falls back to fp32, which answers differently.
            m.Revision is null ? null : $"{m.Revision}-{s.Precision.Name}");
    }

    // The INT8 settings stay visible beside precision fp32 when the self-check refused the file, so the reason names what failed.
    private static ModelPrecision? Configured(ModelStatus s) => s.ConfiguredPrecision.IsInt8 ? s.ConfiguredPrecision : null;
}
