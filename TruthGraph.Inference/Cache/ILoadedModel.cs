using TruthGraph.Inference.Models;
using TruthGraph.Inference.Onnx;

namespace TruthGraph.Inference.Cache;

/// <summary>
/// A model in memory, ready to run. The cache holds these without knowing the task; the embedding models and the
/// NLI pair classifiers implement it, each with its own task-specific interface.
/// </summary>
public interface ILoadedModel : IAsyncDisposable
{
    ModelManifest Manifest { get; }
    DeviceInfo Device { get; }
    int Sessions { get; }
    int IntraOpThreads { get; }

    /// <summary>Bytes this model is estimated to hold (weights plus what its sessions allocated at load).</summary>
    long EstimatedBytes { get; }

    /// <summary>Batch size for this model on its device when configuration does not set one.</summary>
    int DefaultBatchSize { get; }

    /// <summary>Runs one small input so that the first real request does not pay for lazy initialisation.</summary>
    Task WarmUpAsync(CancellationToken cancellationToken);
}

/// <summary>Per-model settings that may change while the model is loaded, and the counters its work updates.</summary>
public sealed class ModelRuntime(string modelId, BatchSizeSetting runBatchSize, bool microBatching, ModelStats stats)
{
    private volatile bool _microBatching = microBatching;

    /// <summary>A runtime of its own for a copy of a model that the cache does not serve (bench, profiling, accuracy checks).</summary>
    public static ModelRuntime Private(string modelId, ModelPrecision precision) =>
        new(modelId, new BatchSizeSetting(), microBatching: false, new ModelStats()) { Precision = precision };

    public string ModelId { get; } = modelId;

    /// <summary>Texts (or pairs) per ONNX run; its <see cref="BatchSizeSetting.Current"/> is read before every batch.</summary>
    public BatchSizeSetting RunBatchSize { get; } = runBatchSize;

    /// <summary>Whether requests are coalesced by the model's micro-batcher or run as they come.</summary>
    public bool MicroBatching
    {
        get => _microBatching;
        set => _microBatching = value;
    }

    public ModelStats Stats { get; } = stats;

    /// <summary>fp32 or INT8; fixed for the life of the cache entry (a change means new weights, so a new load).</summary>
    public ModelPrecision Precision { get; init; } = ModelPrecision.Fp32;

    /// <summary>The manifest entry of the INT8 file the loaded model runs, set by its load; null while fp32 or not loaded yet.</summary>
    public QuantizedModelRecord? Int8File
    {
        get => Volatile.Read(ref _int8File);
        set => Volatile.Write(ref _int8File, value);
    }

    private QuantizedModelRecord? _int8File;

    /// <summary>The start-up self-check of the INT8 model, set by its load; null while fp32 or not loaded yet.</summary>
    public Int8SelfCheckResult? Int8Check
    {
        get => Volatile.Read(ref _int8Check);
        set => Volatile.Write(ref _int8Check, value);
    }

    private Int8SelfCheckResult? _int8Check;

    /// <summary>What the loaded model computes in: <see cref="Precision"/>, or fp32 where the INT8 self-check failed.</summary>
    public ModelPrecision EffectivePrecision => Int8Check is { Passed: false } ? ModelPrecision.Fp32 : Precision;
}
