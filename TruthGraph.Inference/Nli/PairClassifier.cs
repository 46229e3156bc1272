using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Telemetry;

namespace TruthGraph.Inference.Nli;

public sealed record NliResult(string ModelId, IReadOnlyList<NliPrediction> Predictions, VerdictThresholds? Thresholds,
    NliCalibration? Calibration = null);

/// <summary>The way other code classifies pairs: picks the NLI model from the cache (loading it if needed).</summary>
public sealed class PairClassifier(ModelCache cache, InferenceTelemetry telemetry)
{
    /// <exception cref="ModelNotFoundException">No manifest has this id, or it is not an NLI model.</exception>
    public async Task<NliResult> ClassifyAsync(string modelId, IReadOnlyList<NliPairInput> pairs, CancellationToken cancellationToken)
    {
        using var activity = InferenceTelemetry.Nli.StartActivity("nli request");
        activity?.SetTag("truthgraph.model", modelId);
        activity?.SetTag("truthgraph.request.pairs", pairs.Count);
        return await ModelRequest.RunAsync<INliModel, NliResult>(cache, telemetry, modelId, "is not an NLI model",
            async (model, token) => new NliResult(model.Manifest.Id, await model.ClassifyAsync(pairs, token), model.Thresholds,
                NliCalibration.From(model.Manifest)),
            cancellationToken);
    }
}
