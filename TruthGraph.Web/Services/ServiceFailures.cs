using System.Text.Json;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace TruthGraph.Web.Services;

/// <summary>
/// The ways a call to the API or the inference service fails when the service is down, slow or answers nonsense.
/// Pages show these as a message with a retry; anything else is a bug and reaches the layout's error boundary.
/// </summary>
public static class ServiceFailures
{
    /// <remarks>
    /// The standard resilience handler reports an attempt or total timeout as <see cref="TimeoutRejectedException"/> and an
    /// open circuit as <see cref="BrokenCircuitException"/>, not as <see cref="HttpRequestException"/>.
    /// </remarks>
    public static bool IsServiceFailure(Exception exception) =>
        exception is HttpRequestException or TaskCanceledException or JsonException or TimeoutRejectedException or BrokenCircuitException;
}
