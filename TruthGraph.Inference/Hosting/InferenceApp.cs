using Microsoft.Extensions.Options;
using TruthGraph.Inference.Apis;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Embeddings;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Nli;
using TruthGraph.Inference.Profiling;
using TruthGraph.Inference.Telemetry;
using TruthGraph.ServiceDefaults.Tracing;

namespace TruthGraph.Inference.Hosting;

/// <summary>Composition of the inference service; also used by tests and the bench command to host it in-process.</summary>
public static class InferenceApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        // The event-stream payloads of /v1/sweeps and /v1/profiles, which the document cannot see through SseItem<object>.
        builder.AddDefaultOpenApi(typeof(SweepReport), typeof(ProfileReport), typeof(PerfProgress), typeof(PerfStreamError));
        builder.AddApiSecurity();
        builder.AddInference();

        var app = builder.Build();
        app.UseServiceDefaults();
        app.MapModelsApi();
        app.MapEmbeddingsApi();
        app.MapNliApi();
        app.MapPerfApi();
        // The API joins these spans with its own when the dashboard opens a verification's trace.
        app.MapRecentTraces("/v1/traces");
        return app;
    }

    /// <summary>
    /// The model cache (one per process), loaders per task, the embedder and the pair classifier, warm-up and readiness.
    /// NLI models (bi-encoder heads, cross-encoders) plug in as the <see cref="IModelLoader"/> for <c>ModelTask.Nli</c>.
    /// </summary>
    public static IHostApplicationBuilder AddInference(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<InferenceOptions>().Bind(builder.Configuration.GetSection("Inference")).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<InferenceOptions>, InferenceOptionsValidator>();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<InferenceTelemetry>();
        builder.Services.AddSingleton<ModelCatalog>();
        builder.Services.AddSingleton<IModelLoader, EmbeddingModelLoader>();
        builder.Services.AddSingleton<IModelLoader, NliModelLoader>();
        builder.Services.AddSingleton<ModelCache>();
        builder.Services.AddSingleton<TextEmbedder>();
        builder.Services.AddSingleton<PairClassifier>();
        builder.Services.AddSingleton(sp => new GpuMemory(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<InferenceOptions>>().Value.CudaDeviceId));
        builder.Services.AddSingleton<PerfGate>();
        builder.Services.AddSingleton<BatchSweeper>();
        builder.Services.AddSingleton<ModelProfiler>();
        builder.Services.AddSingleton<WarmUpState>();
        if (!OpenApiDocumentBuild.IsRunning)
        {
            // Describing the service at build time must not load models (and the tool reads ONNX Runtime's log as errors).
            builder.Services.AddHostedService<ModelWarmUpService>();
            builder.Services.AddHostedService<TunedBatchSizesWatcher>();
        }
        builder.Services.AddHealthChecks().AddCheck<ModelsReadyHealthCheck>("models");
        builder.Services.AddExceptionHandler<ModelUnavailableHandler>();
        // After ServiceDefaults' customisation, which names the field of a 413 or 415 that OpenAI's error then repeats.
        builder.Services.PostConfigure<ProblemDetailsOptions>(options =>
        {
            var serviceDefaults = options.CustomizeProblemDetails;
            options.CustomizeProblemDetails = context =>
            {
                serviceDefaults?.Invoke(context);
                OpenAiErrors.AddTo(context);
            };
        });
        return builder;
    }
}
