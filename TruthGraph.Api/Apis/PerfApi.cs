using System.Net.ServerSentEvents;
using TruthGraph.Api.Jobs;
using TruthGraph.Api.Performance;
using TruthGraph.ServiceDefaults;
using TruthGraph.ServiceDefaults.Validation;

namespace TruthGraph.Api.Apis;

/// <summary>
/// Performance jobs: <c>/api/profiles</c>, <c>/api/sweeps</c>, <c>/api/perf-runs</c>. POST starts one (202, queued behind
/// any running job), GET lists them (newest first) or shows one, <c>GET …/{id}/events</c> streams its progress as
/// server-sent events, DELETE cancels it. <c>POST /api/sweeps/{id}/apply</c> applies a sweep's recommendation;
/// <c>GET /api/profiles/{id}/trace</c> downloads a profile's speedscope file.
/// </summary>
public static class PerfApi
{
    private const int MaxListLimit = 200;

    public static IEndpointRouteBuilder MapPerfApi(this IEndpointRouteBuilder routes)
    {
        var sweeps = MapCommon(routes, PerfJobKind.Sweep, "Batch-size sweeps");
        sweeps.MapPost("/", StartSweepAsync).WithName("StartSweep").WithSummary("Start a batch-size sweep of a model").RequireApiKey();
        sweeps.MapPost("/{id:guid}/apply", ApplyAsync).WithName("ApplySweep").WithSummary("Apply a sweep's recommended batch size (kept across restarts)").RequireApiKey();

        var profiles = MapCommon(routes, PerfJobKind.Profile, "Profiles");
        profiles.MapPost("/", StartProfileAsync).WithName("StartProfile").WithSummary("Start a profile of the models and the pipeline").RequireApiKey();
        profiles.MapGet("/{id:guid}/trace", GetTraceAsync).WithName("GetProfileTrace").WithSummary("The profile's CPU samples as speedscope JSON");

        var runs = MapCommon(routes, PerfJobKind.PerfRun, "E2E performance runs");
        runs.MapPost("/", StartPerfRunAsync).WithName("StartPerfRun").WithSummary("Start an end-to-end performance run of the verification pipeline").RequireApiKey();
        return routes;
    }

    private static RouteGroupBuilder MapCommon(IEndpointRouteBuilder routes, PerfJobKind kind, string tag)
    {
        var group = routes.MapGroup(kind.Route()).WithTags(tag);
        var name = kind switch { PerfJobKind.Sweep => "Sweep", PerfJobKind.Profile => "Profile", _ => "PerfRun" };
        group.MapGet("/", (PerfJobRepository jobs, PerfJobEvents events, CancellationToken ct, int limit = 20, string? status = null) =>
            ListAsync(kind, jobs, events, limit, status, ct)).WithName($"List{name}s").WithSummary("Past and current jobs, newest first");
        group.MapGet("/{id:guid}", (Guid id, PerfJobRepository jobs, PerfJobEvents events, CancellationToken ct) =>
            GetAsync(kind, id, jobs, events, ct)).WithName($"Get{name}").WithSummary("One job: status, progress, report");
        group.MapGet("/{id:guid}/events", (Guid id, PerfJobRepository jobs, PerfJobEvents events, CancellationToken ct) =>
            EventsAsync(kind, id, jobs, events, ct)).WithName($"Get{name}Events").WithSummary("Progress as server-sent events");
        group.MapDelete("/{id:guid}", (Guid id, PerfJobRepository jobs, PerfJobEvents events, PerfJobControl control, CancellationToken ct) =>
            CancelAsync(kind, id, jobs, events, control, ct)).WithName($"Cancel{name}").WithSummary("Cancel a queued or running job").RequireApiKey();
        return group;
    }

    public static async Task<Results<Accepted<PerfJobView>, ValidationProblem, ProblemHttpResult>> StartSweepAsync(
        SweepJobRequest request, PerfJobRepository jobs, PerfJobControl control, InferencePerfClient inference,
        IOptions<VerificationOptions> options, CancellationToken cancellationToken)
    {
        var errors = PerfRequestValidator.Validate(request);
        var model = request.Model ?? options.Value.EmbeddingModel;
        var known = (await inference.ListModelsAsync(cancellationToken)).FirstOrDefault(m => string.Equals(m.Id, model, StringComparison.OrdinalIgnoreCase));
        if (known is null || known.Task is not ("embedding" or "nli") || !known.Available)
        {
            errors["model"] = [$"'{model}' is not an available embedding or NLI model of the inference service."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The sweep request is not valid.");
        }
        var normalized = request with { Model = known!.Id, Texts = request.Texts ?? SweepJob.DefaultTexts, Apply = request.Apply ?? false };
        try
        {
            return await CreateAsync(PerfJobKind.Sweep, known.Id, normalized, jobs, control, cancellationToken);
        }
        catch (PerfJobConflictException conflict)
        {
            return TypedResults.Problem(title: "A sweep of this model is already queued or running", detail: conflict.Message,
                statusCode: StatusCodes.Status409Conflict,
                extensions: new Dictionary<string, object?> { ["model"] = known.Id, ["activeJob"] = conflict.ActiveJob });
        }
    }

    public static async Task<Results<Accepted<PerfJobView>, ValidationProblem, ProblemHttpResult>> StartProfileAsync(
        ProfileJobRequest request, PerfJobRepository jobs, PerfJobControl control, InferencePerfClient inference,
        IOptions<VerificationOptions> options, CancellationToken cancellationToken)
    {
        var errors = PerfRequestValidator.Validate(request);
        var wanted = request.Models is { Count: > 0 } asked ? asked : [options.Value.EmbeddingModel, options.Value.NliModel];
        var catalogue = await inference.ListModelsAsync(cancellationToken);
        var unknown = wanted.Where(id => !catalogue.Any(m => m.Id == id && m.Available && m.Task is "embedding" or "nli")).ToList();
        if (unknown.Count > 0 && !errors.ContainsKey("models"))
        {
            errors["models"] = [$"Not available embedding or NLI models of the inference service: {string.Join(", ", unknown)}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The profile request is not valid.");
        }
        var normalized = request with
        {
            Models = wanted, Claims = request.Claims ?? ProfileJob.DefaultClaims, Texts = request.Texts ?? ProfileJob.DefaultTexts,
            Sample = request.Sample ?? true,
        };
        return await CreateAsync(PerfJobKind.Profile, null, normalized, jobs, control, cancellationToken);
    }

    public static async Task<Results<Accepted<PerfJobView>, ValidationProblem, ProblemHttpResult>> StartPerfRunAsync(
        PerfRunRequest request, PerfJobRepository jobs, PerfJobControl control, IOptions<VerificationOptions> options,
        CancellationToken cancellationToken)
    {
        var errors = PerfRequestValidator.Validate(request, options.Value);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The performance run request is not valid.");
        }
        var normalized = new PerfRunRequest(request.Claims ?? 5, request.TopK ?? 10, request.WarmUp ?? true, request.Repetitions ?? 1,
            request.ThroughputTexts ?? 256, PerfTargets.Defaults.Over(request.Targets));
        return await CreateAsync(PerfJobKind.PerfRun, null, normalized, jobs, control, cancellationToken);
    }

    public static async Task<Results<Ok<PerfJobView>, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        Guid id, PerfJobRepository jobs, InferencePerfClient inference, CancellationToken cancellationToken, ApplySweepRequest? request = null)
    {
        var job = await jobs.GetAsync(id, cancellationToken);
        if (job is null || job.Kind != PerfJobKind.Sweep)
        {
            return NotFound(PerfJobKind.Sweep, id);
        }
        if (job.Status != JobStatus.Completed || job.Result is not { } result)
        {
            return TypedResults.Problem(title: "The sweep has not completed", detail: $"Sweep {id} is {job.Status.WireName()}; only a completed sweep can be applied.",
                statusCode: StatusCodes.Status409Conflict);
        }
        var report = result.Deserialize<SweepReport>(PerfJobRepository.Json)!;
        var errors = new Dictionary<string, string[]>();
        if (!BatchSizeRules.CheckOptional(errors, "batchSize", request?.BatchSize))
        {
            return TypedResults.ValidationProblem(errors);
        }
        if ((request?.BatchSize ?? report.Recommendation?.BatchSize) is not { } size)
        {
            return TypedResults.Problem(title: "Nothing to apply", detail: $"Sweep {id} has no recommendation ({report.StopReason}); give a batchSize.",
                statusCode: StatusCodes.Status409Conflict);
        }
        await inference.ApplyBatchSizeAsync(report.Model, report.Device, size, $"sweep {id}", cancellationToken);
        await jobs.SetAppliedAsync(id, size, cancellationToken);
        return TypedResults.Ok((await jobs.GetAsync(id, cancellationToken))!);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetTraceAsync(Guid id, PerfJobRepository jobs, CancellationToken cancellationToken) =>
        await jobs.GetArtifactAsync(id, cancellationToken) is { } file
            ? TypedResults.File(file.Content, "application/json", file.Name)
            : TypedResults.Problem(title: "No sampling file", detail: $"Profile {id} does not exist, has not completed, or ran without sampling.",
                statusCode: StatusCodes.Status404NotFound);

    private static async Task<Results<Ok<IReadOnlyList<PerfJobView>>, ValidationProblem>> ListAsync(
        PerfJobKind kind, PerfJobRepository jobs, PerfJobEvents events, int limit, string? status, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (limit is < 1 or > MaxListLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxListLimit}."];
        }
        JobStatus? wanted = null;
        if (WireNames<JobStatus>.TryParse(status, out var parsed))
        {
            wanted = parsed;
        }
        else if (status is not null)
        {
            errors["status"] = [$"status must be one of {string.Join(", ", WireNames<JobStatus>.All)}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var list = await jobs.ListAsync(kind, limit, wanted, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<PerfJobView>>(list.Select(j => WithLiveProgress(j, events)).ToList());
    }

    private static async Task<Results<Ok<PerfJobView>, ProblemHttpResult>> GetAsync(
        PerfJobKind kind, Guid id, PerfJobRepository jobs, PerfJobEvents events, CancellationToken cancellationToken) =>
        await jobs.GetAsync(id, cancellationToken) is { } job && job.Kind == kind
            ? TypedResults.Ok(WithLiveProgress(job, events))
            : NotFound(kind, id);

    private static async Task<Results<ServerSentEventsResult<PerfEvent>, ProblemHttpResult>> EventsAsync(
        PerfJobKind kind, Guid id, PerfJobRepository jobs, PerfJobEvents events, CancellationToken cancellationToken)
    {
        if (await jobs.GetAsync(id, cancellationToken) is not { } job || job.Kind != kind)
        {
            return NotFound(kind, id);
        }
        return TypedResults.ServerSentEvents(events.SubscribeAsync(id, () => jobs.GetAsync(id, CancellationToken.None), cancellationToken));
    }

    /// <summary>A queued job is cancelled at once; a running one is told to stop, and the answer waits (up to 2 s) until it has.</summary>
    private static async Task<Results<Ok<PerfJobView>, Accepted<PerfJobView>, ProblemHttpResult>> CancelAsync(
        PerfJobKind kind, Guid id, PerfJobRepository jobs, PerfJobEvents events, PerfJobControl control, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(id, cancellationToken);
        if (job is null || job.Kind != kind)
        {
            return NotFound(kind, id);
        }
        if (job.Status.IsFinished())
        {
            return TypedResults.Problem(title: "The job has already ended", detail: $"{kind.Name()} {id} is {job.Status.WireName()}; there is nothing to cancel.",
                statusCode: StatusCodes.Status409Conflict);
        }
        if (job.Status == JobStatus.Queued && await jobs.CancelQueuedAsync(id, cancellationToken))
        {
            var cancelled = (await jobs.GetAsync(id, cancellationToken))!;
            events.Finish(PerfJobEvents.FinalFrom(cancelled));
            return TypedResults.Ok(cancelled);
        }
        control.Cancel(id);
        var ended = await events.WaitForEndAsync(id, TimeSpan.FromSeconds(2));
        var now = WithLiveProgress((await jobs.GetAsync(id, cancellationToken))!, events);
        return ended && now.Status.IsFinished() ? TypedResults.Ok(now) : TypedResults.Accepted(kind.Route() + "/" + id, now);
    }

    private static async Task<Accepted<PerfJobView>> CreateAsync(PerfJobKind kind, string? model, object request, PerfJobRepository jobs,
        PerfJobControl control, CancellationToken cancellationToken)
    {
        var id = await jobs.CreateAsync(kind, model, request, cancellationToken);
        control.NotifyQueued();
        return TypedResults.Accepted(kind.Route() + "/" + id, (await jobs.GetAsync(id, cancellationToken))!);
    }

    // While a job runs, its progress lives in this process; the stored row gets it when the job ends.
    private static PerfJobView WithLiveProgress(PerfJobView job, PerfJobEvents events) =>
        !job.Status.IsFinished() && events.Latest(job.Id) is { } live ? job with { Progress = live } : job;

    private static ProblemHttpResult NotFound(PerfJobKind kind, Guid id) => TypedResults.Problem(
        title: "Job not found", detail: $"No {kind.Name()} has the id {id}.", statusCode: StatusCodes.Status404NotFound);
}
