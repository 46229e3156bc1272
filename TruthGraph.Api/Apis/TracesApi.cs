using Npgsql;
using TruthGraph.Api.Jobs;
using TruthGraph.ServiceDefaults.Tracing;

namespace TruthGraph.Api.Apis;

/// <summary>
/// Recent traces for the dashboard, from the services' own span buffers: the list is the API's (verifications start
/// here), one trace joins the API's spans with the inference service's spans of the same trace id. With replicas, one
/// trace also gathers the spans the other API replicas hold, and asks the inference service over as many connections
/// as it has replicas (twice over), so that it is found whichever replicas served it. The list stays this replica's.
/// </summary>
public static class TracesApi
{
    public const string Path = "/api/traces";

    /// <summary>Sent by a replica asking another for its part of a trace: answer with what you hold, ask nobody else.</summary>
    public const string ReplicaScopeHeader = "TruthGraph-Trace-Scope";

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
        string traceId, HttpContext context, RecentSpanBuffer buffer, HttpInferenceTraces inference, ApiPeers peers, IHttpClientFactory clients,
        IConfiguration configuration, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (RecentTracesApi.ValidateTraceId(traceId) is { } invalid)
        {
            return invalid;
        }
        var id = traceId.ToLowerInvariant();
        var (local, dropped) = buffer.Find(id);
        var notes = RecentTracesApi.DroppedNotes(buffer, dropped).ToList();

        var remote = new List<TraceSpan>();
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(InferenceWait);
        var inferenceReplicas = Math.Max(1, configuration.GetValue("Inference:Replicas", 1));
        try
        {
            for (var attempt = 0; attempt < (inferenceReplicas == 1 ? 1 : 2 * inferenceReplicas); attempt++)
            {
                remote.AddRange(await inference.GetSpansAsync(id, wait.Token, newConnection: inferenceReplicas > 1));
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or InferenceServiceException or OperationCanceledException
            or System.Text.Json.JsonException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
            && !cancellationToken.IsCancellationRequested)
        {
            loggers.CreateLogger(typeof(TracesApi)).LogInformation(ex, "Inference spans of trace {TraceId} are not available", id);
            notes.Add($"The inference service's spans are missing: {ex.Message}");
        }

        if (!context.Request.Headers.ContainsKey(ReplicaScopeHeader))
        {
            remote.AddRange(await FromOtherReplicasAsync(id, peers, clients, notes, loggers, cancellationToken));
        }

        var spans = local.Concat(remote).DistinctBy(s => s.SpanId).ToList();
        return spans.Count == 0
            ? RecentTracesApi.TraceNotFound(id)
            : TypedResults.Ok(TraceAssembler.Assemble(id, spans, notes));
    }

    /// <summary>The spans other API replicas hold of the trace (each with what it read from the inference service).</summary>
    private static async Task<List<TraceSpan>> FromOtherReplicasAsync(string id, ApiPeers peers, IHttpClientFactory clients, List<string> notes,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var spans = new List<TraceSpan>();
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(InferenceWait);
        IReadOnlyList<Uri> others;
        try
        {
            others = await peers.ListOthersAsync(wait.Token);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            notes.Add($"The other API replicas could not be listed: {ex.Message}");
            return spans;
        }
        using var http = clients.CreateClient(nameof(TracesApi));
        foreach (var replica in others)
        {
            try
            {
                using var untraced = OpenTelemetry.SuppressInstrumentationScope.Begin();
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(replica, $"{Path}/{id}"));
                request.Headers.Add(ReplicaScopeHeader, "replica");
                using var response = await http.SendAsync(request, wait.Token);
                if (response.IsSuccessStatusCode && await response.Content.ReadFromJsonAsync<TraceDetail>(wait.Token) is { } part)
                {
                    spans.AddRange(part.Spans);
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or System.Text.Json.JsonException
                or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException && !cancellationToken.IsCancellationRequested)
            {
                loggers.CreateLogger(typeof(TracesApi)).LogInformation(ex, "API replica {Replica} did not give its spans of trace {TraceId}", replica, id);
                notes.Add($"The API replica at {replica} did not answer: {ex.Message}");
            }
        }
        return spans;
    }
}
