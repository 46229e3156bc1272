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
    public async Task<IReadOnlyList<TraceSpan>> GetSpansAsync(string traceId, CancellationToken cancellationToken)
    {
        // Reading traces must not leave a client span (and a new trace) behind each time the dashboard looks.
        using var untraced = SuppressInstrumentationScope.Begin();
        using var response = await http.GetAsync($"/v1/traces/{traceId}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return [];
        }
        await InferenceErrors.ThrowIfFailedAsync(response, "trace", cancellationToken);
        var trace = await response.Content.ReadFromJsonAsync<TraceDetail>(cancellationToken);
        return trace?.Spans ?? [];
    }
}
