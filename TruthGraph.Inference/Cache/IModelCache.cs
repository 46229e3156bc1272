using TruthGraph.Inference.Onnx;
using TruthGraph.Inference.Models;

namespace TruthGraph.Inference.Cache;

/// <summary>
/// The process-wide set of loaded models (a DI singleton). Models load lazily on first use, exactly once even
/// when many requests arrive together, and can be warmed up, unloaded and retuned at run time.
/// </summary>
public interface IModelCache
{
    /// <summary>The loaded model, loading it first if needed.</summary>
    /// <exception cref="ModelNotFoundException">No manifest has this id.</exception>
    Task<ILoadedModel> GetAsync(string modelId, CancellationToken cancellationToken);

    /// <summary>Loads the model if needed and runs a warm-up input through it.</summary>
    Task<ModelStatus> WarmUpAsync(string modelId, CancellationToken cancellationToken);

    /// <summary>Frees the model's sessions and memory; the next request loads it again. False if it was not loaded.</summary>
    Task<bool> UnloadAsync(string modelId);

    /// <summary>
    /// Sets the run batch size (texts per ONNX run) from now on, over any tuned, configured or default size; kept across
    /// reloads until a tuned size is applied for the model's device.
    /// </summary>
    void SetBatchSize(string modelId, int batchSize);

    /// <summary>
    /// Makes <paramref name="batchSize"/> the model's batch size on <paramref name="device"/> (a sweep's recommendation) and
    /// keeps it in the tuned-batch-sizes file: it applies now when the model is loaded there (replacing a run-time size),
    /// and at every later load on that device, after a restart too.
    /// </summary>
    ModelStatus ApplyTunedBatchSize(string modelId, string device, int batchSize, string? source);

    /// <summary>Turns micro-batching on or off for a model from now on.</summary>
    void SetMicroBatching(string modelId, bool enabled);

    ModelStatus Describe(string modelId);

    /// <summary>The model's run-time settings and counters (kept across reloads), for the code that serves it.</summary>
    ModelRuntime Runtime(string modelId);

    IReadOnlyList<ModelStatus> DescribeAll();
}

/// <summary>
/// A model as the cache sees it: manifest, whether and where it is loaded, its counters. <c>BatchSize</c> is the run batch
/// size in use (items per ONNX run), <c>BatchSizeSource</c> where it came from (<see cref="Cache.BatchSizeSource"/>). <c>Precision</c> is
/// what the model computes in (fp32 where the INT8 self-check, <c>Int8Check</c>, refused the file), <c>ConfiguredPrecision</c> the setting.
/// </summary>
public sealed record ModelStatus(
    ModelManifest Manifest,
    bool Available,
    bool Loaded,
    string State,
    string? Device,
    string? DeviceReason,
    string? LoadError,
    int BatchSize,
    BatchSizeSource BatchSizeSource,
    IReadOnlyDictionary<string, TunedBatchSize> TunedBatchSizes,
    bool MicroBatching,
    int? Sessions,
    int? IntraOpThreads,
    long? EstimatedBytes,
    ModelStats Stats,
    ModelPrecision Precision,
    ModelPrecision ConfiguredPrecision,
    QuantizedModelRecord? Int8File,
    Int8SelfCheckResult? Int8Check);

public sealed class ModelNotFoundException(string modelId, string why)
    : KeyNotFoundException($"Model '{modelId}' {why}.")
{
    public string ModelId { get; } = modelId;
}
