using System.Diagnostics;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Telemetry;

namespace TruthGraph.Inference.Embeddings;

/// <inheritdoc cref="ITextEmbedder"/>
public sealed class TextEmbedder(IModelCache cache, InferenceTelemetry telemetry) : ITextEmbedder
{
    public async Task<EmbeddingResult> EmbedAsync(string modelId, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = InferenceTelemetry.Embed.StartActivity("embed request");
        activity?.SetTag("truthgraph.model", modelId);
        activity?.SetTag("truthgraph.request.texts", texts.Count);
        // An unload between fetching the model and queueing on it disposes the model under us: fetch it again, once.
        for (var attempt = 0; ; attempt++)
        {
            var model = await cache.GetAsync(modelId, cancellationToken) as IEmbeddingModel
                ?? throw new ModelNotFoundException(modelId, "is not an embedding model");
            try
            {
                cache.Runtime(modelId).Stats.RecordRequest();
                var items = await model.EmbedAsync(texts, cancellationToken);
                telemetry.RequestDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    new KeyValuePair<string, object?>("truthgraph.model", model.Manifest.Id));
                var result = new EmbeddingResult(model.Manifest.Id, items);
                activity?.SetTag("truthgraph.request.tokens", result.PromptTokens);
                activity?.SetTag("truthgraph.device", model.Device.Device);
                return result;
            }
            catch (ObjectDisposedException) when (attempt == 0)
            {
            }
        }
    }
}
