using System.Net;
using OpenTelemetry;
using TruthGraph.ServiceDefaults.Tracing;

namespace TruthGraph.Web.Services;

/// <summary>
/// Typed client of the API's recent traces. A trace comes back with the dashboard's own spans for it added (the
/// request the Verify page sent), so the timeline starts where the user clicked.
/// </summary>
public sealed class TraceApiClient(HttpClient http, RecentSpanBuffer ownSpans)
{
    /// <summary>The activity source of the verification pipeline's root span: its traces are the verifications.</summary>
    public const string VerificationSource = "truthgraph.verify";

    public async Task<TraceList> ListAsync(int limit, string? source, CancellationToken cancellationToken = default)
    {
        // Looking at traces must not leave a trace behind each time (the list would fill with its own reads).
        using var untraced = SuppressInstrumentationScope.Begin();
        var query = $"/api/traces?limit={limit}" + (source is null ? "" : $"&source={Uri.EscapeDataString(source)}");
        return await http.GetFromJsonAsync<TraceList>(query, cancellationToken)
            ?? throw new InvalidOperationException("The API answered /api/traces with an empty body.");
    }

    /// <summary>One trace, or null when neither the API nor this dashboard keeps a span of it.</summary>
    public async Task<TraceDetail?> GetAsync(string traceId, CancellationToken cancellationToken = default)
    {
        using var untraced = SuppressInstrumentationScope.Begin();
        using var response = await http.GetAsync($"/api/traces/{Uri.EscapeDataString(traceId)}", cancellationToken);
        var (own, _) = ownSpans.Find(traceId.ToLowerInvariant());
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return own.Count == 0 ? null : TraceAssembler.Assemble(traceId, own, ["The API keeps no span of this trace."]);
        }
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiProblemException.FromAsync(response, cancellationToken);
        }
        var trace = await response.Content.ReadFromJsonAsync<TraceDetail>(cancellationToken)
            ?? throw new InvalidOperationException("The API answered /api/traces/{traceId} with an empty body.");
        return own.Count == 0 ? trace : TraceAssembler.Assemble(trace.TraceId, [.. own, .. trace.Spans], trace.Notes);
    }
}
