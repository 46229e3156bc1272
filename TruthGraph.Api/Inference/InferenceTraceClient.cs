using System.Net;
using OpenTelemetry;
using TruthGraph.ServiceDefaults.Tracing;

namespace TruthGraph.Api.Inference;

/// <summary>
/// The inference service's own spans of a trace (the embedding and NLI work done on the API's behalf): reads
/// <c>GET /v1/traces/{traceId}</c> of the inference service.
/// </summary>
public sealed class HttpInferenceTraces(HttpClient http)
{
    /// <summary>The spans the inference service keeps for <paramref name="traceId"/>; empty when it has none.</summary>
    /// <param name="newConnection">
    /// Close the connection after this call, so that the next one opens another: behind Aspire's proxy each connection
    /// goes to one replica, and only asking over several connections reaches the replicas a trace's calls went to.
    /// </param>
    public async Task<IReadOnlyList<TraceSpan>> GetSpansAsync(string traceId, CancellationToken cancellationToken, bool newConnection = false)
    {
        // Reading traces must not leave a client span (and a new trace) behind each time the dashboard looks.
        using var untraced = SuppressInstrumentationScope.Begin();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/traces/{traceId}");
        request.Headers.ConnectionClose = newConnection;
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }
        await InferenceErrors.ThrowIfFailedAsync(response, "trace", cancellationToken);
        var trace = await response.Content.ReadFromJsonAsync<TraceDetail>(cancellationToken);
        return trace?.Spans ?? [];
    }
}
