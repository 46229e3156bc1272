using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace TruthGraph.Api.Database;

/// <summary>
/// Runs the migrator at start-up, retrying while PostgreSQL is not reachable yet, and reports readiness: the API
/// is not healthy until the schema is in place.
/// </summary>
public sealed class DatabaseMigrationService(DatabaseMigrator migrator, ILogger<DatabaseMigrationService> logger)
    : BackgroundService, IHealthCheck
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private volatile string? _lastError;
    private volatile bool _done;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the schema is in place: background work that touches the database awaits it.</summary>
    public Task Completion => _completion.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await migrator.MigrateAsync(stoppingToken);
                _done = true;
                _lastError = null;
                _completion.TrySetResult();
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                _lastError = ex.Message;
                logger.LogWarning("Database not ready for migration yet: {Reason}", ex.Message);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_done
            ? HealthCheckResult.Healthy("schema is up to date")
            : HealthCheckResult.Unhealthy(_lastError is null ? "schema migration has not finished" : $"schema migration is waiting: {_lastError}"));
}
