namespace TruthGraph.Api.Inference;

// The inference service's sweep and profile reports (POST /v1/sweeps, /v1/profiles), read and stored as they come.
// They are the `result` of sweep jobs and part of profile reports, so the dashboard can bind to these records.

/// <summary>One batch size measured: calls of <see cref="ItemsPerCall"/> items (the batch size per session).</summary>
public sealed record SweepStep(
    int BatchSize, int ItemsPerCall, int Calls, int Items, double ItemsPerSecond, double P50Ms, double P95Ms, long PeakMemoryBytes,
    long PeakWorkingSetBytes, long? PeakGpuMemoryBytes, double CpuMsPerItem, long AllocatedBytesPerItem, bool CrossedLimit,
    double ThroughputSpread = 0);

public sealed record SweepRecommendation(int BatchSize, double ItemsPerSecond, double? SpeedupOverCurrent, string Justification);

/// <summary>
/// A sweep's result: per batch size throughput, p50/p95 latency and peak memory (<see cref="MemoryMeasure"/>: the process
/// working set on CPU, GPU memory on CUDA), why it stopped early if it did, and the recommendation with its reason.
/// <see cref="LoadAverage"/> above <see cref="Cores"/> means other work shared the machine while it measured.
/// </summary>
public sealed record SweepReport(
    string Model, string Task, string Unit, string Device, string DeviceReason, int Sessions, int BatchSizeBefore, IReadOnlyList<int> Planned,
    IReadOnlyList<SweepStep> Steps, string MemoryMeasure, long MemoryLimitBytes, long BaselineMemoryBytes, string? StopReason,
    SweepRecommendation? Recommendation, int WorkloadItems, double MeanWords, DateTimeOffset StartedAt, double Seconds, double? LoadAverage = null,
    int Cores = 0);

public sealed record ResourceUsage(
    double WallMs, double CpuMs, long AllocatedBytes, int Gen0Collections, int Gen1Collections, int Gen2Collections, long WorkingSetBytes,
    long WorkingSetDeltaBytes, long PeakWorkingSetBytes, long? GpuMemoryBytes, long? GpuMemoryDeltaBytes);

/// <summary>One component's cost. <see cref="Process"/> says where it was measured: <c>inference</c> or <c>api</c>.</summary>
public sealed record ComponentProfile(
    string Component, string? Model, int? BatchSize, int Calls, int Items, ResourceUsage Usage, double? ItemsPerSecond, double? P50Ms,
    double? P95Ms, double? CpuMsPerItem, long? AllocatedBytesPerItem, string Process = "inference");

public sealed record ModelProfile(
    string Model, string Task, string Unit, string Device, string DeviceReason, int BatchSize, int Sessions, int IntraOpThreads,
    long? MemoryBytes, IReadOnlyList<ComponentProfile> Components);

public sealed record HotFrame(string Frame, string Module, double InclusivePercent, double ExclusivePercent, bool IsTruthGraph);

public sealed record SamplingReport(
    string NettraceFile, string SpeedscopeFile, long NettraceBytes, long SpeedscopeBytes, double Seconds, int Samples, int BusySamples,
    int ProfilerSamples, IReadOnlyList<HotFrame> HotFrames, IReadOnlyList<HotFrame> HotPaths);

public sealed record ProcessMemory(long WorkingSetBytes, long PeakWorkingSetBytes, long GcHeapBytes, long? GpuMemoryUsedBytes,
    long? GpuMemoryTotalBytes, int ProcessorCount);

public sealed record InferenceProfileReport(
    IReadOnlyList<ModelProfile> Models, SamplingReport? Sampling, ProcessMemory Process, DateTimeOffset StartedAt, double Seconds);

/// <summary>A progress event of the inference service's stream.</summary>
public sealed record InferenceProgress(string Phase, int Completed, int Total, string Message, SweepStep? Step);

/// <summary>A model of the inference service's catalogue, as far as the performance jobs need it.</summary>
public sealed record InferenceModel(string Id, string Task, bool Available, string? Device, int BatchSize, string BatchSizeSource);
