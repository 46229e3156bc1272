using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TruthGraph.Inference.Hosting;

/// <summary>Readiness: unhealthy until the warm-up has finished, so orchestrators send traffic only to a warm service.</summary>
public sealed class ModelsReadyHealthCheck(WarmUpState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(state.State == "ready"
            ? HealthCheckResult.Healthy(state.Detail)
            : HealthCheckResult.Unhealthy(state.Detail));
}
