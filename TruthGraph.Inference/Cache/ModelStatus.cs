using TruthGraph.Inference.Models;
using TruthGraph.Inference.Onnx;

namespace TruthGraph.Inference.Cache;

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
