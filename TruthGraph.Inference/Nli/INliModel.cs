using TruthGraph.Inference.Cache;

namespace TruthGraph.Inference.Nli;

/// <summary>
/// One (premise, hypothesis) pair. The embeddings are optional shortcuts for bi-encoder models: evidence
/// embeddings are already stored with the evidence, so the caller can pass them instead of the model encoding the
/// sentence again. Models that read the texts themselves (cross-encoders) ignore them.
/// </summary>
public sealed record NliPairInput(string Premise, string Hypothesis, float[]? PremiseEmbedding = null, float[]? HypothesisEmbedding = null);

/// <summary>Probabilities in the manifest's label order (entailment, neutral, contradiction) and the winning label.</summary>
public sealed record NliPrediction(string Label, double Entailment, double Neutral, double Contradiction);

/// <summary>
/// The verdict thresholds that were tuned for a model's probabilities (and the evidence similarity below which evidence
/// does not count; <paramref name="RefuteMinSimilarity"/>, when set, the similarity evidence needs to refute;
/// <paramref name="DisputeMargin"/>, when set, how much less similar one side's best evidence may be before it no longer
/// disputes the other's).
/// </summary>
public sealed record VerdictThresholds(double Support, double Refute, double MinSimilarity, double? RefuteMinSimilarity = null, double? DisputeMargin = null)
{
    /// <summary>The thresholds a manifest carries, or null when it carries none.</summary>
    public static VerdictThresholds? From(Models.ModelManifest manifest) =>
        manifest.VerdictThresholds is { } t ? new VerdictThresholds(t.Support, t.Refute, t.MinSimilarity, t.RefuteMinSimilarity, t.DisputeMargin) : null;
}

/// <summary>
/// The calibration the API applies to a model's probabilities before showing them (not to decide the verdict):
/// <c>temperature</c> scaling, p' = softmax(log p / <paramref name="Temperature"/>).
/// </summary>
public sealed record NliCalibration(string Method, double Temperature)
{
    public static NliCalibration? From(Models.ModelManifest manifest) =>
        manifest.Calibration is { } c ? new NliCalibration(c.Method, c.Temperature) : null;
}

/// <summary>A loaded pair classifier (natural-language inference).</summary>
public interface INliModel : ILoadedModel
{
    /// <summary>Null when the manifest carries no tuned thresholds.</summary>
    VerdictThresholds? Thresholds { get; }

    Task<NliPrediction[]> ClassifyAsync(IReadOnlyList<NliPairInput> pairs, CancellationToken cancellationToken);
}
