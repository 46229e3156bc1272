using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting;

/// <summary>The database the services reference, and how it is provided.</summary>
public sealed record TruthGraphDatabase(
    IResourceBuilder<IResourceWithConnectionString> Resource, PostgresMode Mode, string Reason, string ConnectionName);

public static class PostgresBuilderExtensions
{
    private const string ContainerImage = "pgvector/pgvector";
    private const string ContainerTag = "pg17";

    /// <summary>
    /// Adds PostgreSQL with pgvector as set by <c>Postgres:Mode</c> (auto | container | local). Throws at once,
    /// with what to do, when the chosen mode cannot work on this machine, so that nothing waits forever.
    /// Publishing always describes the container: a manifest is for another machine, where this one's PostgreSQL
    /// binaries and data folder mean nothing, and writing it needs no container engine.
    /// </summary>
    public static TruthGraphDatabase AddTruthGraphDatabase(
        this IDistributedApplicationBuilder builder, string serverName, string databaseName)
    {
        var settings = builder.Configuration.GetSection("Postgres");
        var (mode, reason) = builder.ExecutionContext.IsPublishMode
            ? (PostgresMode.Container, "publishing a deployment manifest")
            : ChooseMode(settings["Mode"]);

        IResourceBuilder<IResourceWithConnectionString> resource = mode == PostgresMode.Container
            ? builder.AddPostgres(serverName)
                .WithImage(ContainerImage, ContainerTag)
                .WithDataVolume("truthgraph-postgres-data")
                .WithEnvironment("TRUTHGRAPH_POSTGRES_MODE", $"container ({reason})")
                .AddDatabase(databaseName)
            : builder.AddLocalPostgres(serverName, databaseName, settings)
                .WithEnvironment("TRUTHGRAPH_POSTGRES_MODE", $"local ({reason})");

        builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            e.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TruthGraph.Postgres")
                .LogInformation("PostgreSQL mode: {Mode} ({Reason})", mode, reason);
            return Task.CompletedTask;
        });
        return new TruthGraphDatabase(resource, mode, reason, databaseName);
    }

    private static (PostgresMode Mode, string Reason) ChooseMode(string? configured)
    {
        if (!Enum.TryParse<PostgresMode>(string.IsNullOrWhiteSpace(configured) ? "auto" : configured, ignoreCase: true, out var requested)
            || !Enum.IsDefined(requested))
        {
            throw new InvalidOperationException(
                $"Postgres:Mode is '{configured}'; use auto, container or local.");
        }

        if (requested == PostgresMode.Local)
        {
            return (PostgresMode.Local, "Postgres:Mode=local");
        }

        var (healthy, detail) = ContainerRuntimeProbe.Probe();
        return requested switch
        {
            PostgresMode.Container when healthy => (PostgresMode.Container, $"Postgres:Mode=container; {detail}"),
            PostgresMode.Container => throw new InvalidOperationException(
                $"Postgres:Mode=container, but no container engine is usable: {detail}. " +
                "Start Docker or Podman, or run with Postgres:Mode=local (after scripts/setup.sh)."),
            _ when healthy => (PostgresMode.Container, $"auto: {detail}"),
            _ => (PostgresMode.Local, $"auto: {detail}, so a local PostgreSQL process is used"),
        };
    }

    /// <summary>
    /// A PostgreSQL server process (Debian/Ubuntu binaries, pgvector installed by scripts/setup.sh). Persistent by
    /// default with durability on; <c>Postgres:Ephemeral=true</c> gives a throwaway cluster for tests.
    /// </summary>
    public static IResourceBuilder<LocalPostgresResource> AddLocalPostgres(
        this IDistributedApplicationBuilder builder, string name, string databaseName, IConfiguration settings)
    {
        var binDirectory = LocalPostgresInstallation.FindBinDirectory(settings["BinDirectory"]);
        var ephemeral = settings.GetValue("Ephemeral", false);
        var dataDirectory = settings["DataDirectory"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : ephemeral
                ? Path.Combine(Path.GetTempPath(), $"truthgraph-pg-{Guid.NewGuid():N}")
                : LocalPostgresInstallation.DefaultDataDirectory();

        var scriptDirectory = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "scripts"));
        var resource = new LocalPostgresResource(name, scriptDirectory, databaseName);

        var healthCheckKey = $"{name}-accepts-connections";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new PostgresReadyHealthCheck(resource), HealthStatus.Unhealthy, tags: null));

        return builder.AddResource(resource)
            .WithArgs(Path.Combine(scriptDirectory, "run-local-postgres.sh"))
            .WithEnvironment("PGBIN", binDirectory)
            .WithEnvironment("PGDATA", dataDirectory)
            .WithEnvironment("PGDB", databaseName)
            .WithEnvironment("PG_EPHEMERAL", ephemeral ? "1" : "0")
            // Not proxied, as the services in Program.cs: a stopped server must refuse connections, not hold them.
            .WithEndpoint(name: LocalPostgresResource.EndpointName, scheme: "tcp", env: "PGPORT", isProxied: false)
            .WithHealthCheck(healthCheckKey);
    }
}
