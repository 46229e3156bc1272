using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace TruthGraph.Api.Apis;

/// <summary>
/// A dependency that is down — the inference service or PostgreSQL — becomes a 503 problem with Retry-After instead of
/// a 500. (Requests that cannot be read are ServiceDefaults' BadRequestProblemHandler's.)
/// </summary>
public sealed class ProblemExceptionHandler(
    IProblemDetailsService problemDetails, NpgsqlDataSource dataSource, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            // The resilience pipeline on HttpClient reports timeouts and an open circuit with Polly's own exceptions. An
            // HttpIOException is an answer cut off mid-body: an inference replica stopped while it was sending.
            case InferenceServiceException or HttpRequestException or HttpIOException or NpgsqlException or TimeoutException
                or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException
                when !cancellationToken.IsCancellationRequested:
                var dependency = exception is NpgsqlException ? "The database" : "The inference service";
                if (exception is NpgsqlException { IsTransient: true })
                {
                    // Pooled connections to a server that went away are all dead; dropping them now means the first
                    // requests after it returns open fresh ones instead of failing one stale connection at a time.
                    dataSource.Clear();
                }
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
}
