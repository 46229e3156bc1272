using System.Text.Json;
using OpenTelemetry;

namespace TruthGraph.Web.Services;

/// <summary>A service the dashboard needs that is down (<see cref="Reachable"/> false) or up but not ready.</summary>
public sealed record ServiceProblem(string Service, string Purpose, bool Reachable, string Reason);

/// <summary>
/// Asks the API and the inference service for their readiness (<c>/health</c>) with a short deadline, so that a page
/// can say at once that a service is down instead of waiting out the HTTP retries of its own calls.
/// </summary>
public sealed class ServiceReachability(IHttpClientFactory clients)
{
    public const string ApiProbe = "api-probe";
    public const string InferenceProbe = "inference-probe";

    /// <summary>Long enough for a busy service to answer, short enough that the banner shows while the page still loads.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(3);

    public async Task<IReadOnlyList<ServiceProblem>> CheckAsync(CancellationToken cancellationToken = default)
    {
        var checks = await Task.WhenAll(
            ProbeAsync(ApiProbe, "the verification API", "verifying, history, evidence and traces", cancellationToken),
            ProbeAsync(InferenceProbe, "the inference service", "verifying and the models page", cancellationToken));
        return checks.OfType<ServiceProblem>().ToList();
    }

    private async Task<ServiceProblem?> ProbeAsync(string client, string service, string purpose, CancellationToken cancellationToken)
    {
        // A probe every few seconds must not fill the traces with its own requests.
        using var untraced = SuppressInstrumentationScope.Begin();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        try
        {
            using var response = await clients.CreateClient(client).GetAsync("/health", deadline.Token);
            return response.IsSuccessStatusCode
                ? null
                : new ServiceProblem(service, purpose, Reachable: true, await FailingChecksAsync(response, deadline.Token));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ServiceProblem(service, purpose, Reachable: false, $"no answer within {Deadline.TotalSeconds:0} s");
        }
        catch (Exception ex) when (ex is HttpRequestException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            return new ServiceProblem(service, purpose, Reachable: false, ex.Message);
        }
    }

    /// <summary>The checks that failed and why, from the JSON health report every TruthGraph service writes.</summary>
    private static async Task<string> FailingChecksAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var report = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            var failing = report.GetProperty("checks").EnumerateObject()
                .Where(c => c.Value.GetProperty("status").GetString() != "Healthy")
                .Select(c => c.Value.TryGetProperty("description", out var d) && d.GetString() is { Length: > 0 } text ? $"{c.Name}: {text}" : c.Name)
                .ToList();
            return failing.Count > 0 ? string.Join("; ", failing) : $"health answered {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return $"health answered {(int)response.StatusCode}";
        }
    }
}
