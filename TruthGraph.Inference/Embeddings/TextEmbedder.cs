using System.Diagnostics;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Telemetry;

namespace TruthGraph.Inference.Embeddings;

/// <summary>The way other code embeds texts: picks the model from the cache (loading it if needed) and batches.</summary>
public sealed class TextEmbedder(ModelCache cache, InferenceTelemetry telemetry)
{
    /// <exception cref="ModelNotFoundException">No manifest has this id, or it is not an embedding model.</exception>
    public async Task<EmbeddingResult> EmbedAsync(string modelId, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        using var activity = StartRequest(modelId, texts.Count);
        return await ModelRequest.RunAsync<IEmbeddingModel, EmbeddingResult>(cache, telemetry, modelId, "is not an embedding model",
            (model, token) => EmbedAsync(model, texts, activity, token), cancellationToken);
    }

    /// <summary>
    /// Embeds with an encoder another model holds (a bi-encoder head's): traced, counted and timed as an embedding request
    /// on the encoder, like one through the cache.
    /// </summary>
    public static async Task<EmbeddingResult> EmbedWithAsync(IEmbeddingModel encoder, ModelRuntime runtime, InferenceTelemetry telemetry,
        IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = StartRequest(encoder.Manifest.Id, texts.Count);
        return await ModelRequest.RunOnAsync(encoder, runtime, telemetry, started,
            (model, token) => EmbedAsync(model, texts, activity, token), cancellationToken);
    }

    private static Activity? StartRequest(string modelId, int texts)
    {
        var activity = InferenceTelemetry.Embed.StartActivity("embed request");
        activity?.SetTag("truthgraph.model", modelId);
        activity?.SetTag("truthgraph.request.texts", texts);
        return activity;
    }

    private static async Task<EmbeddingResult> EmbedAsync(IEmbeddingModel model, IReadOnlyList<string> texts, Activity? activity,
        CancellationToken cancellationToken)
    {
        var result = new EmbeddingResult(model.Manifest.Id, await model.EmbedAsync(texts, cancellationToken));
        activity?.SetTag("truthgraph.request.tokens", result.PromptTokens);
        activity?.SetTag("truthgraph.device", model.Device.Device);
        return result;
    }
}
