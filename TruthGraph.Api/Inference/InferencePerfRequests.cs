namespace TruthGraph.Api.Inference;

/// <summary>Body of the inference service's <c>POST /v1/sweeps</c>: the API's sweep job with its workload filled in.</summary>
public sealed record InferenceSweepRequest(
    string Model, IReadOnlyList<string> Texts, IReadOnlyList<string>? Hypotheses, IReadOnlyList<int>? BatchSizes,
    int? MinBatchSize, int? MaxBatchSize, long? MemoryLimitBytes, long? MemoryHeadroomBytes, double? SecondsPerStep);

/// <summary>Body of the inference service's <c>POST /v1/profiles</c>.</summary>
public sealed record InferenceProfileRequest(
    IReadOnlyList<string> Models, IReadOnlyList<string> Texts, IReadOnlyList<string>? Hypotheses, double? SecondsPerComponent,
    bool? Sample, double? SampleSeconds);

/// <summary>Body of the inference service's <c>POST /v1/models/{id}/tuned-batch-size</c>.</summary>
public sealed record TunedBatchSizeCall(int BatchSize, string Device, string Source);
