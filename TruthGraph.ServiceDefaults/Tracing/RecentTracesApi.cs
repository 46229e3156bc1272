using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TruthGraph.ServiceDefaults.Tracing;

/// <summary>
/// The recent traces of one service over HTTP: <c>GET {path}?limit=&amp;source=</c> lists them newest first,
/// <c>GET {path}/{traceId}</c> returns one with its spans. A service whose traces should include other services'
/// spans maps the list handler and its own detail handler instead (the API does, to add the inference service's).
/// </summary>
public static class RecentTracesApi
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static IEndpointRouteBuilder MapRecentTraces(this IEndpointRouteBuilder routes, string path)
    {
        routes.ExcludeFromTracing(path);
        var group = routes.MapGroup(path).WithTags("Traces");
        group.MapGet("/", List).WithSummary("This service's recent traces, newest first");
        group.MapGet("/{traceId}", Get).WithSummary("One recent trace with this service's spans");
        return routes;
    }

    /// <summary>Requests under <paramref name="path"/> get no server span (see <see cref="UntracedPaths"/>).</summary>
    public static IEndpointRouteBuilder ExcludeFromTracing(this IEndpointRouteBuilder routes, string path)
    {
        routes.ServiceProvider.GetRequiredService<UntracedPaths>().Add(path);
        return routes;
    }

    public static Results<Ok<TraceList>, ValidationProblem> List(RecentSpanBuffer buffer, int? limit = null, string? source = null)
    {
        var take = limit ?? DefaultLimit;
        if (take is < 1 or > MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["limit"] = [$"limit must be between 1 and {MaxLimit}."],
            });
        }
        return TypedResults.Ok(new TraceList(buffer.List(take, string.IsNullOrWhiteSpace(source) ? null : source), buffer.Capacity));
    }

    public static Results<Ok<TraceDetail>, ValidationProblem, ProblemHttpResult> Get(string traceId, RecentSpanBuffer buffer)
    {
        if (ValidateTraceId(traceId) is { } invalid)
        {
            return invalid;
        }
        var id = traceId.ToLowerInvariant();
        var (spans, dropped) = buffer.Find(id);
        return spans.Count == 0
            ? TraceNotFound(id)
            : TypedResults.Ok(TraceAssembler.Assemble(id, spans, DroppedNotes(buffer, dropped)));
    }

    /// <summary>A W3C trace id is 32 hex digits, not all zero; anything else is refused with the reason.</summary>
    public static ValidationProblem? ValidateTraceId(string traceId)
    {
        var valid = traceId.Length == 32 && traceId.All(char.IsAsciiHexDigit) && traceId.Any(c => c != '0');
        return valid
            ? null
            : TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["traceId"] = ["traceId must be a W3C trace id: 32 hexadecimal digits, not all zero."],
            });
    }

    public static ProblemHttpResult TraceNotFound(string traceId) => TypedResults.Problem(
        title: "Trace not found",
        detail: $"No recent trace has the id {traceId}: it is unknown or no longer kept.",
        statusCode: StatusCodes.Status404NotFound);

    public static IReadOnlyList<string> DroppedNotes(RecentSpanBuffer buffer, int dropped) =>
        dropped == 0 ? [] : [$"{buffer.Service} kept the first {buffer.MaxSpansPerTrace} spans of this trace and dropped {dropped}."];
}
