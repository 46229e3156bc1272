using TruthGraph.Inference.Models;
using TruthGraph.Inference.Onnx;

namespace TruthGraph.Inference.Cache;

/// <summary>
/// A model as the cache sees it: manifest, whether and where it is loaded, its counters. <c>BatchSizeSource</c> says where
/// the batch size in use came from: <c>default</c> (the device's), <c>configured</c> (Inference:BatchSizes), <c>tuned</c>
/// (applied from a sweep, for this device) or <c>runtime</c> (set through the settings endpoint since start). <c>Precision</c> is
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
    string BatchSizeSource,
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
