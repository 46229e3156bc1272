using Microsoft.Extensions.Options;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Models;

namespace TruthGraph.Inference.Hosting;

/// <summary>
/// Loads and warms the configured models after start-up, in the background, so the server already answers
/// <c>/alive</c> while <c>/health</c> says "warming up" until the first request would be fast.
/// </summary>
public sealed partial class ModelWarmUpService(ModelCache cache, ModelCatalog catalog, IOptions<InferenceOptions> options,
    WarmUpState state, ILogger<ModelWarmUpService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.WarmUp)
        {
            state.Set("ready", "warm-up is off (Inference:WarmUp=false): models load on first use");
            return;
        }
        var wanted = settings.WarmUpModels.Count > 0 ? settings.WarmUpModels : catalog.All.Where(m => m.WarmUp).Select(m => m.Id).ToList();
        // Models whose files are not here yet (url weights not pulled, disabled manifests) are skipped, never
        // downloaded: start-up must not depend on the network, and readiness must not wait on a missing model.
        // A model that ships with the service (a file beside its manifest, a package resource) and is missing is a
        // broken deployment instead: the service is not ready, and says which file is missing.
        var ids = new List<string>();
        var skipped = new List<string>();
        var failures = new List<string>();
        var cacheDirectory = settings.ResolvedModelCacheDirectory;
        foreach (var id in wanted)
        {
            // An id the catalogue lacks stays in, so that its warm-up fails as a misconfiguration.
            if (!catalog.TryGet(id, out var manifest) || cache.Describe(id).Available)
            {
                ids.Add(id);
            }
            else if (!manifest.Enabled || manifest.Weights.Kind == "url" || manifest.Tokenizer.Vocab.Kind == "url")
            {
                skipped.Add(id);
            }
            else
            {
                var missing = ArtifactLoader.WhyUnavailable(manifest, cacheDirectory);
                LogMissing(id, missing ?? "unavailable");
                failures.Add($"{id}: {missing}");
            }
        }
        foreach (var id in skipped)
        {
            LogSkipped(id);
        }
        state.Set("warming", $"warming up {string.Join(", ", ids)}");
        await Task.Yield();
        foreach (var id in ids)
        {
            try
            {
                var status = await cache.WarmUpAsync(id, stoppingToken);
                LogWarm(id, status.Device ?? "?");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex, id);
                failures.Add($"{id}: {ex.Message}");
            }
        }
        state.Set(failures.Count == 0 ? "ready" : "failed",
            failures.Count == 0 ? $"warm: {string.Join(", ", ids)}" : $"warm-up failed for {string.Join("; ", failures)}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {ModelId} is warm on {Device}")]
    private partial void LogWarm(string modelId, string device);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {ModelId} is not warmed up: it is disabled or its files are not in the model cache (models pull)")]
    private partial void LogSkipped(string modelId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model {ModelId} cannot be served: {Reason}")]
    private partial void LogMissing(string modelId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Warm-up of model {ModelId} failed")]
    private partial void LogFailed(Exception error, string modelId);
}
