using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;
using TruthGraph.Api.Embeddings;
using TruthGraph.Api.Inference;

namespace TruthGraph.Api.Apis;

/// <summary>
/// Turns the failures a client can act on into RFC 7807 answers instead of a 500: a request that cannot be read
/// (400/413/415, naming the JSON path, parameter or header), and a dependency that is down — the inference service or
/// PostgreSQL (503 with Retry-After).
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case BadHttpRequestException badRequest:
                var json = badRequest.InnerException as JsonException;
                var reason = json is not null
                    ? $"The request body is not valid JSON for this endpoint: {json.Message}"
                    : badRequest.Message;
                context.Response.StatusCode = badRequest.StatusCode;
                return await problemDetails.TryWriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    Exception = exception,
                    ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [FieldOf(badRequest, json)] = [reason] })
                    {
                        Status = badRequest.StatusCode,
                        Title = "The request could not be read.",
                    },
                });

            // The resilience pipeline on HttpClient reports timeouts and an open circuit with Polly's own exceptions.
            case InferenceUnavailableException or EmbeddingServiceException or HttpRequestException or NpgsqlException or TimeoutException
                or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
                when !cancellationToken.IsCancellationRequested:
                var dependency = exception is NpgsqlException ? "The database" : "The inference service";
                logger.LogWarning("{Dependency} is unavailable: {Reason}", dependency, exception.Message);
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

    /// <summary>
    /// The field a client should fix. Minimal APIs name a query or route parameter that failed to bind only in the
    /// message (<c>Failed to bind parameter "int page" from "x"</c>), so the name is read from there.
    /// </summary>
    private static string FieldOf(BadHttpRequestException badRequest, JsonException? json)
    {
        if (json is not null)
        {
            return json.Path is { Length: > 0 } path ? path : "$";
        }
        if (badRequest.StatusCode == StatusCodes.Status415UnsupportedMediaType)
        {
            return "Content-Type";
        }
        if (badRequest.StatusCode == StatusCodes.Status413PayloadTooLarge || badRequest.Message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            return "body";
        }
        return ParameterName().Match(badRequest.Message) is { Success: true } match ? match.Groups["name"].Value : "request";
    }

    [GeneratedRegex("""parameter "[^"]*?(?<name>[A-Za-z_][A-Za-z0-9_]*)"\s""")]
    private static partial Regex ParameterName();
}
