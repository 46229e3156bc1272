using System.Diagnostics;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Telemetry;

namespace TruthGraph.Inference.Nli;

public sealed record NliResult(string ModelId, IReadOnlyList<NliPrediction> Predictions, VerdictThresholds? Thresholds);

/// <summary>The way other code classifies pairs: picks the NLI model from the cache (loading it if needed).</summary>
public interface IPairClassifier
{
    /// <exception cref="ModelNotFoundException">No manifest has this id, or it is not an NLI model.</exception>
    Task<NliResult> ClassifyAsync(string modelId, IReadOnlyList<NliPairInput> pairs, CancellationToken cancellationToken);
}

/// <inheritdoc cref="IPairClassifier"/>
public sealed class PairClassifier(IModelCache cache, InferenceTelemetry telemetry) : IPairClassifier
{
    public async Task<NliResult> ClassifyAsync(string modelId, IReadOnlyList<NliPairInput> pairs, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = InferenceTelemetry.Nli.StartActivity("nli request");
        activity?.SetTag("truthgraph.model", modelId);
        activity?.SetTag("truthgraph.request.pairs", pairs.Count);
        // As for embeddings: an unload between fetching and using the model disposes it under us; fetch it again, once.
        for (var attempt = 0; ; attempt++)
        {
            var model = await cache.GetAsync(modelId, cancellationToken) as INliModel
                ?? throw new ModelNotFoundException(modelId, "is not an NLI model");
            try
            {
                // Runtime, not Describe: Describe also checks the files on disk, which no request should pay for.
                cache.Runtime(modelId).Stats.RecordRequest();
                var predictions = await model.ClassifyAsync(pairs, cancellationToken);
                telemetry.RequestDuration.Record(Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    new KeyValuePair<string, object?>("truthgraph.model", model.Manifest.Id));
                return new NliResult(model.Manifest.Id, predictions, model.Thresholds);
            }
            catch (ObjectDisposedException) when (attempt == 0)
            {
            }
        }
    }
}
