using TruthGraph.Api.Jobs;

namespace TruthGraph.Api.Performance;

/// <summary>
/// A performance job as the API shows it (<c>GET /api/{profiles|sweeps|perf-runs}[/{id}]</c>). <see cref="Request"/> is the
/// body it was started with (defaults filled in); <see cref="Result"/> is the report once completed —
/// <see cref="ProfileJobReport"/>, <see cref="SweepReport"/> or <see cref="PerfRunReport"/> by <see cref="Kind"/>;
/// <see cref="Progress"/> is the latest progress event while it runs (and the last one after).
/// </summary>
public sealed record PerfJobView(
    Guid Id, PerfJobKind Kind, JobStatus Status, string? Model, JsonElement Request, PerfEvent? Progress, JsonElement? Result, string? Summary,
    string? Failure, string? ArtifactName, int? AppliedBatchSize, DateTimeOffset? AppliedAt, DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public double? Seconds => StartedAt is { } start && FinishedAt is { } end ? Math.Round((end - start).TotalSeconds, 2) : null;
}

/// <summary>
/// One server-sent event of a job (<c>GET /api/{kind}s/{id}/events</c>), with SSE event type <c>progress</c> while it
/// runs and <c>finished</c> once (status completed, failed or cancelled; <see cref="Message"/> is then the summary or
/// the failure). <see cref="Data"/> may carry a partial result — a finished sweep step — for live charts.
/// </summary>
public sealed record PerfEvent(
    Guid JobId, PerfJobKind Kind, JobStatus Status, string Phase, int Completed, int Total, double Percent, string Message, JsonElement? Data,
    DateTimeOffset At);

/// <summary>Body of <c>POST /api/sweeps</c>. Omitted fields take the defaults shown in the docs (model: the verification embedding model).</summary>
/// <param name="Texts">How many evidence sentences of the corpus make the workload (the sample corpus fills in when the store holds fewer).</param>
/// <param name="Apply">Apply the recommendation as soon as the sweep completes.</param>
public sealed record SweepJobRequest(
    string? Model = null, IReadOnlyList<int>? BatchSizes = null, int? MinBatchSize = null, int? MaxBatchSize = null,
    double? MemoryLimitMiB = null, double? MemoryHeadroomMiB = null, double? SecondsPerStep = null, int? Texts = null, bool? Apply = null);

/// <summary>Body of <c>POST /api/profiles</c>. Models default to the verification pipeline's embedding and NLI models.</summary>
public sealed record ProfileJobRequest(
    IReadOnlyList<string>? Models = null, double? SecondsPerComponent = null, bool? Sample = null, double? SampleSeconds = null,
    int? Claims = null, int? Texts = null);

/// <summary>Body of <c>POST /api/perf-runs</c>: N claims, k evidence each, optional warm-up, repetitions, targets.</summary>
public sealed record PerfRunRequest(
    int? Claims = null, int? TopK = null, bool? WarmUp = null, int? Repetitions = null, int? ThroughputTexts = null, PerfTargets? Targets = null);

/// <summary>
/// What an e2e run is checked against. Defaults: this project's goals (verify p50 ≤ 60 ms and p95 ≤ 150 ms warm with
/// k = 10, embedding ≥ 250 texts/s, NLI ≥ 100 pairs/s for the default cross-encoder, which pays one encoder pass per pair, the services ≤ 1.5 GiB together).
/// </summary>
public sealed record PerfTargets(
    double? VerifyP50Ms = 60, double? VerifyP95Ms = 150, double? EmbeddingTextsPerSecond = 250, double? NliPairsPerSecond = 100,
    double? MemoryMiB = 1536)
{
    public static PerfTargets Defaults { get; } = new();

    /// <summary>The defaults, with whatever a request set replacing them.</summary>
    public PerfTargets Over(PerfTargets? given) => given is null
        ? this
        : new PerfTargets(given.VerifyP50Ms ?? VerifyP50Ms, given.VerifyP95Ms ?? VerifyP95Ms, given.EmbeddingTextsPerSecond ?? EmbeddingTextsPerSecond,
            given.NliPairsPerSecond ?? NliPairsPerSecond, given.MemoryMiB ?? MemoryMiB);
}

/// <summary>Body of <c>POST /api/sweeps/{id}/apply</c>; without a batch size the sweep's recommendation is applied.</summary>
public sealed record ApplySweepRequest(int? BatchSize = null);
