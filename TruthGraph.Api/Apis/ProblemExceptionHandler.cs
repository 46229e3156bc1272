using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using TruthGraph.Api.Inference;

namespace TruthGraph.Api.Apis;

/// <summary>
/// Turns the failures a client can act on into RFC 7807 answers instead of a 500: a body that is not valid JSON
/// (400, naming the JSON path), and a dependency that is down — the inference service or PostgreSQL (503).
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case BadHttpRequestException badRequest:
                var field = (badRequest.InnerException as JsonException)?.Path is { Length: > 0 } path ? path : "body";
                var reason = badRequest.InnerException is JsonException json
                    ? $"The request body is not valid JSON for this endpoint: {json.Message}"
                    : badRequest.Message;
                context.Response.StatusCode = badRequest.StatusCode;
                return await problemDetails.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    Exception = exception,
                    ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [reason] })
                    {
                        Status = badRequest.StatusCode,
                        Title = "The request could not be read.",
                    },
                });

            // The resilience pipeline on HttpClient reports timeouts and an open circuit with Polly's own exceptions.
            case InferenceUnavailableException or HttpRequestException or NpgsqlException or TimeoutException
                or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
                when !cancellationToken.IsCancellationRequested:
                var dependency = exception is NpgsqlException ? "The database" : "The inference service";
                logger.LogWarning(exception, "{Dependency} is unavailable", dependency);
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                context.Response.Headers.RetryAfter = "5";
                return await problemDetails.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    Exception = exception,
                    ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
                    {
                        Status = StatusCodes.Status503ServiceUnavailable,
                        Title = $"{dependency} is unavailable; try again shortly.",
                        Detail = exception.Message,
                    },
                });

            default:
                return false;
        }
    }
}
