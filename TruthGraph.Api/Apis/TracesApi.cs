using TruthGraph.ServiceDefaults.Tracing;

namespace TruthGraph.Api.Apis;

/// <summary>
/// Recent traces for the dashboard, from the services' own span buffers: the list is the API's (verifications start
/// here), one trace joins the API's spans with the inference service's spans of the same trace id.
/// </summary>
public static class TracesApi
{
    public const string Path = "/api/traces";

    // The trace view is for a person waiting on a page: a slow inference service leaves its spans out instead.
    private static readonly TimeSpan InferenceWait = TimeSpan.FromSeconds(3);

    public static IEndpointRouteBuilder MapTracesApi(this IEndpointRouteBuilder routes)
    {
        routes.ExcludeFromTracing(Path);
        var group = routes.MapGroup(Path).WithTags("Traces");
        group.MapGet("/", List).WithName("ListTraces")
            .WithSummary("Recent traces of the API, newest first (source=truthgraph.verify: verifications only)");
        group.MapGet("/{traceId}", GetAsync).WithName("GetTrace")
            .WithSummary("One recent trace: the API's and the inference service's spans, with offsets from the trace start");
        return routes;
    }

    public static Results<Ok<TraceList>, ValidationProblem> List(RecentSpanBuffer buffer, int? limit = null, string? source = null) =>
        RecentTracesApi.List(buffer, limit, source);

    public static async Task<Results<Ok<TraceDetail>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string traceId, RecentSpanBuffer buffer, HttpInferenceTraces inference, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (RecentTracesApi.ValidateTraceId(traceId) is { } invalid)
        {
            return invalid;
        }
        var id = traceId.ToLowerInvariant();
        var (local, dropped) = buffer.Find(id);
        var notes = RecentTracesApi.DroppedNotes(buffer, dropped).ToList();

        IReadOnlyList<TraceSpan> remote = [];
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(InferenceWait);
        try
        {
            remote = await inference.GetSpansAsync(id, wait.Token);
        }
        catch (Exception ex) when (ex is HttpRequestException or InferenceServiceException or OperationCanceledException
            or System.Text.Json.JsonException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
            && !cancellationToken.IsCancellationRequested)
        {
            loggers.CreateLogger(typeof(TracesApi)).LogInformation(ex, "Inference spans of trace {TraceId} are not available", id);
            notes.Add($"The inference service's spans are missing: {ex.Message}");
        }

        return local.Count == 0 && remote.Count == 0
            ? RecentTracesApi.TraceNotFound(id)
            : TypedResults.Ok(TraceAssembler.Assemble(id, [.. local, .. remote], notes));
    }
}
