namespace TruthGraph.Inference.Profiling;

/// <summary>
/// Body of <c>POST /v1/sweeps</c>. The workload is the caller's: <see cref="Texts"/> are embedded (embedding models)
/// or used as premises with <see cref="Hypotheses"/> (NLI models), so that a sweep measures the texts the service
/// really gets. Batch sizes are powers of two; without a list, the device picks the range (CPU 1–64, CUDA 1–1024).
/// </summary>
public sealed record SweepRequest(
    string? Model,
    IReadOnlyList<string>? Texts,
    IReadOnlyList<string>? Hypotheses = null,
    IReadOnlyList<int>? BatchSizes = null,
    int? MinBatchSize = null,
    int? MaxBatchSize = null,
    long? MemoryLimitBytes = null,
    long? MemoryHeadroomBytes = null,
    double? SecondsPerStep = null);

/// <summary>
/// One batch size measured: calls of <see cref="ItemsPerCall"/> items (the batch size per session).
/// <see cref="ThroughputSpread"/> is the run-to-run spread of its calls: the relative standard deviation of each call's
/// items per second (0.04 = ±4 %; 0 with fewer than two calls).
/// </summary>
public sealed record SweepStep(
    int BatchSize, int ItemsPerCall, int Calls, int Items, double ItemsPerSecond, double P50Ms, double P95Ms,
    long PeakMemoryBytes, long PeakWorkingSetBytes, long? PeakGpuMemoryBytes, double CpuMsPerItem, long AllocatedBytesPerItem,
    bool CrossedLimit, double ThroughputSpread = 0);

/// <summary>The batch size a sweep recommends, and the measured numbers that make it the choice.</summary>
public sealed record SweepRecommendation(int BatchSize, double ItemsPerSecond, double? SpeedupOverCurrent, string Justification);

/// <summary>
/// A sweep's outcome. <see cref="MemoryMeasure"/> says what <see cref="SweepStep.PeakMemoryBytes"/> and the limit are:
/// the process working set on the CPU, GPU memory in use on CUDA. <see cref="StopReason"/> is set when the sweep
/// stopped before its last planned batch size (memory limit), and says why with the numbers. <c>LoadAverage</c> is the
/// machine's highest one-minute load seen during the sweep: above <c>Cores</c>, other work shared the cores.
/// </summary>
public sealed record SweepReport(
    string Model, string Task, string Unit, string Device, string DeviceReason, int Sessions, int BatchSizeBefore,
    IReadOnlyList<int> Planned, IReadOnlyList<SweepStep> Steps, string MemoryMeasure, long MemoryLimitBytes, long BaselineMemoryBytes,
    string? StopReason, SweepRecommendation? Recommendation, int WorkloadItems, double MeanWords, DateTimeOffset StartedAt, double Seconds,
    double? LoadAverage, int Cores);

/// <summary>Body of <c>POST /v1/profiles</c>: the models to profile, the workload, and whether to sample CPU stacks.</summary>
public sealed record ProfileRequest(
    IReadOnlyList<string>? Models,
    IReadOnlyList<string>? Texts,
    IReadOnlyList<string>? Hypotheses = null,
    double? SecondsPerComponent = null,
    bool? Sample = null,
    double? SampleSeconds = null);

/// <summary>
/// The cost of one component: wall and CPU time, managed allocations, GC counts, memory, and for inference the
/// items, throughput and latency percentiles of its calls.
/// </summary>
public sealed record ComponentProfile(
    string Component, string? Model, int? BatchSize, int Calls, int Items, ResourceUsage Usage,
    double? ItemsPerSecond, double? P50Ms, double? P95Ms)
{
    public double? CpuMsPerItem => Items > 0 ? Math.Round(Usage.CpuMs / Items, 4) : null;
    public long? AllocatedBytesPerItem => Items > 0 ? Usage.AllocatedBytes / Items : null;
}

public sealed record ModelProfile(
    string Model, string Task, string Unit, string Device, string DeviceReason, int BatchSize, int Sessions, int IntraOpThreads,
    long? MemoryBytes, IReadOnlyList<ComponentProfile> Components);

/// <summary>One frame of the sampled stacks: share of the busy samples in which it was on the stack, and at the top.</summary>
public sealed record HotFrame(string Frame, string Module, double InclusivePercent, double ExclusivePercent, bool IsTruthGraph);

/// <summary>
/// CPU sampling of the profiled workload (EventPipe, 1 ms): the files (nettrace for PerfView / dotnet-trace, speedscope
/// JSON for https://www.speedscope.app) and the hottest frames among the busy samples (threads that were only waiting
/// and the sampler's own cost left out). <see cref="HotFrames"/> ranks by self time (where the time goes; native
/// ONNX Runtime time shows on the managed method that called it), <see cref="HotPaths"/> by time on the stack.
/// </summary>
public sealed record SamplingReport(
    string NettraceFile, string SpeedscopeFile, long NettraceBytes, long SpeedscopeBytes, double Seconds, int Samples, int BusySamples,
    int ProfilerSamples, IReadOnlyList<HotFrame> HotFrames, IReadOnlyList<HotFrame> HotPaths);

public sealed record ProfileReport(
    IReadOnlyList<ModelProfile> Models, SamplingReport? Sampling, ProcessMemory Process, DateTimeOffset StartedAt, double Seconds);

/// <summary><c>GET /v1/runtime</c>: this process's memory, for the e2e run's memory figures.</summary>
public sealed record ProcessMemory(long WorkingSetBytes, long PeakWorkingSetBytes, long GcHeapBytes, long? GpuMemoryUsedBytes,
    long? GpuMemoryTotalBytes, int ProcessorCount);

/// <summary>
/// A progress event of a sweep or profile (SSE event <c>progress</c>). <see cref="Step"/> carries a finished sweep
/// step so that a chart can grow while the sweep runs.
/// </summary>
public sealed record PerfProgress(string Phase, int Completed, int Total, string Message, SweepStep? Step = null);

/// <summary>The SSE event <c>error</c>: the stream had started, so the failure cannot be an HTTP status any more.</summary>
public sealed record PerfStreamError(string Title, string Detail);
