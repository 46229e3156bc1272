using Microsoft.AspNetCore.Builder;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Names the process that answered, on every response (<c>TruthGraph-Replica: host/pid</c>). With several replicas behind
/// one address (Aspire's proxy) it tells which one served a request, and so which one a per-replica action (a model
/// warm-up, an unload, a run-time batch size) reached.
/// </summary>
public static class ReplicaHeader
{
    public const string Name = "TruthGraph-Replica";

    public static string Value { get; } = $"{Environment.MachineName}/{Environment.ProcessId}";

    public static WebApplication UseReplicaHeader(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.Headers[Name] = Value;
            return next(context);
        });
        return app;
    }
}
