namespace TruthGraph.Api.Performance;

/// <summary>One stage of the verification pipeline over the calls of a run: mean, median, p95, total, and share of the total.</summary>
public sealed record StageSummary(string Stage, double MeanMs, double MedianMs, double P95Ms, double TotalMs, double Share);

/// <summary>
/// Whether the stages account for the run's time: <see cref="StagesTotalMs"/> (embed, retrieve, NLI, aggregate, database
/// and the overhead inside each call, summed over the calls) against <see cref="WallMs"/>, the clock around the
/// measured calls. <see cref="DifferencePercent"/> is their gap; time between calls shows up here.
/// </summary>
public sealed record StageConsistency(double StagesTotalMs, double WallMs, double DifferencePercent, bool WithinFivePercent);

public sealed record ThroughputFigures(double EmbeddingTextsPerSecond, int EmbeddingTexts, double NliPairsPerSecond, int NliPairs, string NliModel,
    double PipelineNliPairsPerSecond);

/// <summary>Working sets in bytes: the API process (peak while the run lasted) and the inference process (highest reading).</summary>
public sealed record MemoryFigures(long ApiPeakWorkingSetBytes, long InferenceWorkingSetBytes, long InferencePeakWorkingSetBytes, long TotalBytes,
    long? GpuMemoryUsedBytes);

/// <summary>A target and what was measured: <see cref="Comparison"/> is "≤" or "≥".</summary>
public sealed record TargetCheck(string Name, string Comparison, double Target, double Measured, string Unit, bool Met);

/// <summary>
/// The result of an e2e performance run (<c>/api/perf-runs</c>). <see cref="LoadAverage"/> (the API machine's highest
/// one-minute load seen) above <see cref="Cores"/> means other work shared the cores: the figures are not the machine's best.
/// </summary>
public sealed record PerfRunReport(
    int Claims, int TopK, int Repetitions, bool WarmUp, int Calls, double EvidencePerClaim, IReadOnlyList<StageSummary> Stages,
    StageSummary Total, StageConsistency Consistency, ThroughputFigures Throughput, MemoryFigures Memory, IReadOnlyList<TargetCheck> Targets,
    bool AllTargetsMet, string EmbeddingModel, string NliModel, string Device, DateTimeOffset StartedAt, double Seconds, double? LoadAverage,
    int Cores);

/// <summary>
/// A bottleneck or tuning opportunity found in measured numbers: <see cref="Basis"/> holds those numbers by name, so
/// that a recommendation can always be checked (e.g. nliShare 0.71; batch32TextsPerSecond 270, batch8TextsPerSecond 193).
/// </summary>
public sealed record PerfRecommendation(string Area, string Finding, string Advice, IReadOnlyDictionary<string, double> Basis);

/// <summary>The result of a profile job (<c>/api/profiles</c>).</summary>
public sealed record ProfileJobReport(
    IReadOnlyList<ModelProfile> Models, IReadOnlyList<ComponentProfile> Components, IReadOnlyList<StageSummary> VerifyStages, int VerifyCalls,
    SamplingReport? Sampling, IReadOnlyList<PerfRecommendation> Recommendations, ProcessMemory InferenceMemory, long ApiWorkingSetBytes,
    IReadOnlyList<string> Notes, DateTimeOffset StartedAt, double Seconds, double? LoadAverage, int Cores);
