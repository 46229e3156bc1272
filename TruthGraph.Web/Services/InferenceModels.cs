namespace TruthGraph.Web.Services;

/// <summary>The dashboard's view of one entry of the inference service's <c>GET /v1/models</c> (mirrors the fields shown).</summary>
public sealed record ModelView(
    string Id, string Task, bool Available, string State, bool Loaded, string? Device, string? DeviceReason, string? LoadError,
    int BatchSize, bool MicroBatching, int? Sessions, long? MemoryBytes, ModelStatsView Stats, string? Precision = null,
    ModelAccuracyView? Accuracy = null, string? PrecisionReason = null, string? Int8WeightEncoding = null, string? Int8WeightEncodingReason = null,
    CalibrationView? Calibration = null)
{
    /// <summary>
    /// Which inference replica answered (its <c>TruthGraph-Replica</c> header): warm-up and unload act on that replica
    /// only, so the page names it when the service runs several.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Replica { get; init; }
}

/// <summary>
/// Accuracy recorded in the model's manifest when it was built (CLIMATE-FEVER dev on gold evidence, SNLI test subset) and
/// through the pipeline (the common-sense contrast set's verdict accuracy, CLIMATE-FEVER dev claim macro-F1).
/// </summary>
public sealed record ModelAccuracyView(int? DevPairs, double? DevPairMacroF1, double? DevClaimMacroF1, double? SnliAccuracy,
    int? ContrastClaims = null, double? ContrastAccuracy = null, double? PipelineDevClaimMacroF1 = null);

public sealed record ModelStatsView(long Loads, double? LoadMilliseconds, long Requests, long Items, long Tokens, DateTimeOffset? LastUsed);

public sealed record ModelListView(IReadOnlyList<ModelView> Data);

/// <summary>
/// An NLI model's probability calibration from its manifest: the temperature, the expected calibration error (15 bins,
/// top-label confidence) and the reliability diagram before and after, on the held-apart pairs it was fitted on.
/// </summary>
public sealed record CalibrationView(string Method, double Temperature, double EceBefore, double EceAfter, int Pairs,
    string? FittedOn = null, IReadOnlyList<ReliabilityBinView>? ReliabilityBefore = null, IReadOnlyList<ReliabilityBinView>? ReliabilityAfter = null);

/// <summary>One reliability bin: pairs with top-label confidence in [BinLow, BinHigh), their mean confidence and accuracy.</summary>
public sealed record ReliabilityBinView(double BinLow, double BinHigh, int Count, double MeanConfidence, double Accuracy);
