using Npgsql;

namespace TruthGraph.Api.Ingestion;

/// <summary>Failures that mean "PostgreSQL or the inference service is down for now", as opposed to a job that cannot succeed.</summary>
public static class DependencyOutage
{
    public static bool Is(Exception exception) => exception switch
    {
        NpgsqlException npgsql => npgsql.IsTransient,
        InferenceServiceException inference => inference.IsOutage,
        HttpRequestException or HttpIOException or TimeoutException
            or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException => true,
        _ => exception.InnerException is { } inner && Is(inner),
    };
}
