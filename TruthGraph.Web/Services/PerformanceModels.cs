using System.Text.Json;
using System.Text.Json.Serialization;
using TruthGraph.ServiceDefaults;

namespace TruthGraph.Web.Services;

// The dashboard's view of the API's performance jobs (/api/profiles, /api/sweeps, /api/perf-runs). The API owns the
// contracts (TruthGraph.Api/Performance/PerfJobContracts.cs, InferenceReports.cs, PerfReports.cs); these mirror the
// fields the Performance page shows, so an added field on the API side breaks nothing here.

/// <summary>The three kinds of job (the API's <c>PerfJobKind</c>), named as the API names them in routes and events: sweep, perf-run, profile.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<PerfKind>))]
public enum PerfKind { Sweep, PerfRun, Profile }

public static class PerfKinds
{
    public static string Name(this PerfKind kind) => kind.WireName();

    public static string Route(this PerfKind kind) => "/api/" + kind.Name() + "s";

    public static string Title(this PerfKind kind) => kind switch
    {
        PerfKind.Sweep => "Batch-size sweep",
        PerfKind.Profile => "Profile",
        _ => "E2E run",
    };

    public static PerfKind? Parse(string? name) => WireNames<PerfKind>.TryParse(name, out var kind) ? kind : null;
}

public sealed record PerfJobView(
    Guid Id, PerfKind Kind, JobStatus Status, string? Model, JsonElement Request, PerfEventView? Progress, JsonElement? Result, string? Summary,
    string? Failure, string? ArtifactName, int? AppliedBatchSize, DateTimeOffset? AppliedAt, DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, double? Seconds)
{
    public bool IsFinished => Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;

    public T? ResultAs<T>() where T : class =>
        Status == JobStatus.Completed && Result is { ValueKind: JsonValueKind.Object } result ? result.Deserialize<T>(PerformanceApiClient.Json) : null;
}

/// <summary>One progress event; a sweep's carry the step just measured in <see cref="Data"/>.</summary>
public sealed record PerfEventView(
    Guid JobId, PerfKind Kind, JobStatus Status, string Phase, int Completed, int Total, double Percent, string Message, JsonElement? Data,
    DateTimeOffset At);

/// <param name="ThroughputSpread">the relative run-to-run spread of the step's calls (0.04 = ±4 %); 0 in reports made before it was measured</param>
public sealed record SweepStepView(
    int BatchSize, int ItemsPerCall, int Calls, int Items, double ItemsPerSecond, double P50Ms, double P95Ms, long PeakMemoryBytes,
    bool CrossedLimit, double ThroughputSpread = 0);

public sealed record SweepRecommendationView(int BatchSize, double ItemsPerSecond, double? SpeedupOverCurrent, string Justification);

public sealed record SweepReportView(
    string Model, string Unit, string Device, int BatchSizeBefore, IReadOnlyList<SweepStepView> Steps, string MemoryMeasure,
    long MemoryLimitBytes, long BaselineMemoryBytes, string? StopReason, SweepRecommendationView? Recommendation, double Seconds,
    double? LoadAverage, int Cores);

public sealed record StageSummaryView(string Stage, double MeanMs, double MedianMs, double P95Ms, double TotalMs, double Share);

public sealed record StageConsistencyView(double StagesTotalMs, double WallMs, double DifferencePercent, bool WithinFivePercent);

public sealed record TargetCheckView(string Name, string Comparison, double Target, double Measured, string Unit, bool Met);

public sealed record PerfRunReportView(
    int Claims, int TopK, int Repetitions, bool WarmUp, int Calls, IReadOnlyList<StageSummaryView> Stages, StageSummaryView Total,
    StageConsistencyView Consistency, IReadOnlyList<TargetCheckView> Targets, bool AllTargetsMet, string EmbeddingModel, string NliModel,
    string Device, double Seconds, double? LoadAverage, int Cores);

public sealed record HotFrameView(string Frame, string Module, double InclusivePercent, double ExclusivePercent, bool IsTruthGraph);

public sealed record SamplingView(string SpeedscopeFile, long SpeedscopeBytes, double Seconds, int Samples, int BusySamples,
    IReadOnlyList<HotFrameView> HotFrames);

public sealed record PerfRecommendationView(string Area, string Finding, string Advice, IReadOnlyDictionary<string, double> Basis);

public sealed record ProfileReportView(
    IReadOnlyList<StageSummaryView> VerifyStages, SamplingView? Sampling, IReadOnlyList<PerfRecommendationView> Recommendations,
    IReadOnlyList<string> Notes, double Seconds, double? LoadAverage, int Cores);

// Request bodies: null fields take the API's defaults.
public sealed record SweepStartRequest(string? Model, int? MinBatchSize, int? MaxBatchSize, double? MemoryLimitMiB, double? SecondsPerStep);

public sealed record PerfRunStartRequest(int Claims, int TopK, int Repetitions, bool WarmUp);

public sealed record ProfileStartRequest(bool Sample, double? SampleSeconds);
