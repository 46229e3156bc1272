using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TruthGraph.EndToEndTests;

/// <summary>Starts the real AppHost (DCP, local PostgreSQL process, all services) the way a user's machine would.</summary>
public static class TruthGraphAppFactory
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    public static readonly string[] Services = ["postgres", "inference", "api", "web"];

    /// <summary>The value given to the AppHost's secret <c>api-key</c> parameter, so that tests can act as an admin.</summary>
    public static readonly string ApiKey = $"e2e-{Guid.NewGuid():N}";

    /// <summary>The AppHost's optional <c>admin-password</c> parameter: the dashboard's admin sign-in accepts it besides the key.</summary>
    public static readonly string AdminPassword = $"e2e password {Guid.NewGuid():N}";

    /// <summary>A throwaway local cluster: tests never touch a developer's data.</summary>
    public static string[] EphemeralLocalPostgres => ["Postgres:Mode=local", "Postgres:Ephemeral=true"];

    /// <param name="configure">Changes to the app model before it starts (a setting for one service, say).</param>
    public static async Task<DistributedApplication> StartAsync(
        string[] args, ITestOutputHelper? output, CancellationToken cancellationToken, Action<IDistributedApplicationTestingBuilder>? configure = null)
    {
        var clock = Stopwatch.StartNew();
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.TruthGraph_AppHost>(
            [.. args, $"Parameters:api-key={ApiKey}", $"Parameters:admin-password={AdminPassword}"], cancellationToken);
        configure?.Invoke(appHost);
        // Resource console logs and per-request HTTP logs would bury the test output; warnings still show.
        appHost.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("System.Net.Http", LogLevel.Warning)
            .AddFilter("TruthGraph.AppHost.Resources", LogLevel.Warning)
            .AddFilter("Aspire.Hosting.Dcp", LogLevel.Error));

        // Tests run without the Aspire dashboard, so nothing listens on the OTLP endpoint Aspire still hands the services:
        // their exports only fail and are retried in memory, and flushing them at shutdown outlasts DCP's stop timeout
        // (a test that stops a service would fail). The services' own span buffers, which the dashboard reads, stay on.
        foreach (var project in appHost.Resources.OfType<ProjectResource>())
        {
            project.Annotations.Add(new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT")));
        }

        var app = await appHost.BuildAsync(cancellationToken);
        await app.StartAsync(cancellationToken);
        foreach (var resource in Services)
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellationToken);
            output?.WriteLine($"{resource} healthy after {clock.Elapsed.TotalSeconds:F1} s");
        }
        return app;
    }

    /// <summary>A client of a service that sends the API key, as the dashboard and operators do.</summary>
    public static HttpClient CreateAdminClient(this DistributedApplication app, string resource)
    {
        var client = app.CreateHttpClient(resource);
        client.DefaultRequestHeaders.Add(Microsoft.Extensions.Hosting.ApiKeyDefaults.HeaderName, ApiKey);
        return client;
    }
}
