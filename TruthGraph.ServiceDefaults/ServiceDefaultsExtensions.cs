using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;
using TruthGraph.ServiceDefaults.Tracing;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The one place where every TruthGraph service gets telemetry, health endpoints, service discovery
/// and HTTP resilience. Services call <see cref="AddServiceDefaults{TBuilder}"/> and
/// <see cref="MapDefaultEndpoints"/>; nothing else configures these concerns.
/// </summary>
public static class ServiceDefaultsExtensions
{
    private const string LiveTag = "live";

    /// <summary>Activity sources and meters of the TruthGraph services all start with this prefix.</summary>
    public const string TelemetryPrefix = "truthgraph";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // A dependency that is down must become a 503 within about a second: the default backoff (2 s, 4 s, 8 s)
            // would hold every caller for 14 s before saying so. Two quick retries still ride out a dropped connection.
            http.AddStandardResilienceHandler(resilience =>
            {
                resilience.Retry.MaxRetryAttempts = 2;
                resilience.Retry.Delay = TimeSpan.FromMilliseconds(200);
                // Retry-After is advice to the end client; between services it would stretch one failing call to the
                // total timeout (a 503 saying "5 s" retried twice), while the caller is better told at once.
                resilience.Retry.ShouldRetryAfterHeader = false;
            });
            http.AddServiceDiscovery();
        });
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = BadRequestProblemHandler.NameTheField);
        // Binding failures throw, so that BadRequestProblemHandler can name the field instead of a bare 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddExceptionHandler<BadRequestProblemHandler>();
        builder.Services.ConfigureHttpJsonOptions(StrictJson.Configure);
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        // The dashboard reads recent traces from the services themselves (RecentTracesApi), whether or not an OTLP
        // collector such as the Aspire dashboard is running.
        builder.Services.AddSingleton(new RecentSpanBuffer(builder.Configuration["OTEL_SERVICE_NAME"] ?? builder.Environment.ApplicationName));
        builder.Services.AddSingleton<UntracedPaths>();
        builder.Services.AddOptions<AspNetCoreTraceInstrumentationOptions>()
            .Configure<UntracedPaths>((options, untraced) => options.Filter = untraced.ShouldTrace);

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter($"{TelemetryPrefix}.*"))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource($"{TelemetryPrefix}.*")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddProcessor(sp => new RecentSpanProcessor(sp.GetRequiredService<RecentSpanBuffer>())));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>
    /// Registers the service's OpenAPI document; <see cref="MapDefaultOpenApi"/> serves it. <paramref name="payloads"/>
    /// are types the document would not otherwise describe (server-sent event data, a report kept as raw JSON): they
    /// are added as component schemas so that clients can be checked against them too.
    /// </summary>
    public static TBuilder AddDefaultOpenApi<TBuilder>(this TBuilder builder, params Type[] payloads) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer(async (document, context, cancellationToken) =>
        {
            foreach (var type in payloads)
            {
                document.AddComponent(type.Name, await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
            }
        }));
        return builder;
    }

    /// <summary>
    /// The request pipeline the API and the inference service share: problem details for exceptions and bare status
    /// codes, the API key and rate limits, the health endpoints and the OpenAPI document. Each maps its own endpoints after it.
    /// </summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseReplicaHeader();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseApiSecurity();
        app.MapDefaultEndpoints();
        app.MapDefaultOpenApi();
        return app;
    }

    /// <summary><c>/health</c>: ready (every check); <c>/alive</c>: the process answers (checks tagged live only).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = r => r.Tags.Contains(LiveTag) });
        return app;
    }

    /// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and a browsable reference at <c>/scalar</c>.</summary>
    public static WebApplication MapDefaultOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference();
        return app;
    }
}
