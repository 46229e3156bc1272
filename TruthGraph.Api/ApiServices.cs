using Npgsql;
using TruthGraph.Api.Apis;
using TruthGraph.Api.Jobs;
using TruthGraph.Api.Performance;
using TruthGraph.Api.SampleData;

namespace TruthGraph.Api;

/// <summary>What the API service is made of, in one place: its web host and its command-line tools register the same parts.</summary>
public static class ApiServices
{
    /// <summary>Request body limit for everything but uploads: 256 claims of 2,000 characters, each escaped as \uXXXX, fit.</summary>
    public const long MaxJsonBodyBytes = 4L * 1024 * 1024;

    public static IHostApplicationBuilder AddTruthGraphApi(this IHostApplicationBuilder builder)
    {
        // Npgsql waits 15 s for a connection by default; when PostgreSQL is down (DCP's proxy still accepts the socket)
        // every request would hang that long before its 503. A loopback server answers in milliseconds.
        var connectTimeout = builder.Configuration.GetValue("Database:ConnectTimeoutSeconds", 2);
        if (OpenApiDocumentBuild.IsRunning)
        {
            // Describing the API needs a data source that is registered, not one that connects.
            builder.Configuration["ConnectionStrings:truthgraph"] ??= "Host=localhost;Database=truthgraph";
        }
        builder.AddNpgsqlDataSource("truthgraph", configureDataSourceBuilder: dataSource =>
        {
            dataSource.UseVector();
            dataSource.ConnectionStringBuilder.Timeout = connectTimeout;
        });
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<DatabaseMigrationService>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseMigrationService>());
        services.AddHealthChecks().AddCheck<DatabaseMigrationService>("schema");

        services.AddHttpClient<HttpEmbeddingClient>(http => http.BaseAddress = new Uri("http://inference"));
        services.AddHttpClient<HttpNliClient>(http => http.BaseAddress = new Uri("http://inference"));
        services.AddHttpClient<HttpInferenceTraces>(http => http.BaseAddress = new Uri("http://inference"));
        services.AddSingleton<PgvectorEvidenceStore>();
        services.AddSingleton<CorpusNames>();
        services.AddSingleton<EvidenceBrowser>();

        // API replicas share jobs through PostgreSQL: each process is a runner with a lock, and they talk over LISTEN/NOTIFY.
        services.AddSingleton<JobRunner>();
        services.AddSingleton<ApiPeers>();
        services.AddSingleton<ReplicaLink>();
        services.AddHostedService(sp => sp.GetRequiredService<ReplicaLink>());

        services.Configure<IngestionOptions>(builder.Configuration.GetSection("Ingestion"));
        services.AddSingleton<IngestionJobRepository>();
        services.AddSingleton<IngestionSignal>();
        services.AddSingleton<IngestionSubmitter>();
        // Transient: it holds a typed HttpClient, which must not live for the whole process (handler rotation).
        services.AddTransient(sp => new IngestionPipeline(sp.GetRequiredService<HttpEmbeddingClient>(), sp.GetRequiredService<PgvectorEvidenceStore>(),
            sp.GetRequiredService<ILogger<IngestionPipeline>>()) { BatchSize = sp.GetRequiredService<IOptions<IngestionOptions>>().Value.BatchSize });
        services.AddHostedService<IngestionWorker>();
        services.AddHostedService<SampleCorpusSeeder>();
        services.AddHostedService<WordingWarmUp>();

        services.Configure<VerificationOptions>(builder.Configuration.GetSection("Verification"));
        services.AddSingleton<VerificationRepository>();
        services.AddSingleton<VerificationFeedbackRepository>();
        services.AddSingleton<DefaultNliModel>();
        services.AddSingleton<VerificationResultCache>();
        services.AddTransient<VerificationService>();

        // Performance jobs. The inference client streams for minutes: no resilience handler (a retried POST would start a
        // second measurement, and its timeouts would cut the stream), and cancellation by token instead of a timeout.
#pragma warning disable EXTEXP0001 // experimental, but the documented way to undo ConfigureHttpClientDefaults for one client
        services.AddHttpClient<InferencePerfClient>(http =>
        {
            http.BaseAddress = new Uri("http://inference");
            http.Timeout = Timeout.InfiniteTimeSpan;
            // Sweeps, profiles and applying a batch size are admin operations on the inference service too.
            if (builder.Configuration[ApiKeyDefaults.ConfigurationKey] is { Length: > 0 } apiKey)
            {
                http.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, apiKey);
            }
        }).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        services.AddSingleton<PerfJobRepository>();
        services.AddSingleton<PerfJobEvents>();
        services.AddSingleton<PerfJobControl>();
        services.AddTransient(sp => new WorkloadSource(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddTransient(sp => new PipelineParts(sp.GetRequiredService<VerificationService>(), sp.GetRequiredService<HttpEmbeddingClient>(),
            sp.GetRequiredService<PgvectorEvidenceStore>(), sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddTransient<IPerfJob, SweepJob>();
        services.AddTransient<IPerfJob, ProfileJob>();
        services.AddTransient<IPerfJob, PerfRunJob>();
        services.AddHostedService<PerfJobWorker>();

        services.AddExceptionHandler<ProblemExceptionHandler>();
        return builder;
    }

    public static WebApplication MapTruthGraphApi(this WebApplication app)
    {
        app.MapStatusApi();
        app.MapVerificationApi();
        app.MapSettingsApi();
        app.MapIngestionApi();
        app.MapEvidenceApi();
        app.MapSamplesApi();
        app.MapPerfApi();
        app.MapTracesApi();
        return app;
    }
}
