using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Onnx;
using TruthGraph.Inference.Telemetry;
using TruthGraph.Inference.Tokenization;

namespace TruthGraph.Inference.Nli;

/// <summary>
/// A pair classifier that reads both texts together: <c>[CLS] premise [SEP] hypothesis [SEP]</c> through the model
/// (cross-encoder/nli-* layout), logits over the manifest's labels, soft-max, then the manifest's offsets.
/// Batched exactly like embeddings (<see cref="EncoderModel{TInput,TOutput}"/>). Embeddings passed with a pair are
/// ignored: this model has no use for them.
/// </summary>
public sealed class CrossEncoderModel(ModelManifest manifest, EncoderParts parts, ModelRuntime runtime, InferenceTelemetry telemetry)
    : EncoderModel<NliPairInput, NliPrediction>(manifest, parts, NamedOutput(manifest, parts.Sessions), runtime, telemetry,
        InferenceTelemetry.Nli, "nli batch"), INliModel
{
    // Initialised before the base constructor starts the batcher: a manifest whose labels do not fit fails first.
    private readonly NliLabels _labels = new(manifest.Labels, manifest.LogProbOffsets);

    public VerdictThresholds? Thresholds { get; } = VerdictThresholds.From(manifest);

    protected override NliPairInput WarmUpInput { get; } = new("The sky is blue.", "The sky has a colour.");

    /// <summary>
    /// On CPU one pair per ONNX run, the sessions side by side. A pair's length varies with its evidence (20 to 128
    /// tokens), so a run of several pads most of them to the longest, and on a few cores a bigger run gains no speed to
    /// pay for it. Verifying the CLIMATE-FEVER dev claims took 53.0 ms at p50 with one pair per run, 57.1 with two,
    /// 68.7 with four and 63.0 with the embedding default of 16, with the same verdicts (docs/PERFORMANCE.md). Per-token
    /// INT8 makes a pair's scores independent of its run, so the size changes speed only. On CUDA large runs keep the
    /// device busy.
    /// </summary>
    public override int DefaultBatchSize => Device.IsCuda ? base.DefaultBatchSize : 1;

    public Task<NliPrediction[]> ClassifyAsync(IReadOnlyList<NliPairInput> pairs, CancellationToken cancellationToken) =>
        RunAsync(pairs, cancellationToken);

    protected override TokenizedInput Tokenize(NliPairInput input) => Tokenizer.EncodePair(input.Premise, input.Hypothesis, Manifest.MaxTokens);

    protected override void ReadRun(ReadOnlySpan<float> logits, ReadOnlySpan<int> rows, int width, TokenizedInput[] inputs, NliPrediction[] results)
    {
        var count = _labels.Count;
        if (logits.Length != rows.Length * count)
        {
            throw new InvalidDataException(
                $"Model '{Manifest.Id}' output '{OutputName}' has {logits.Length} values for {rows.Length} pairs; expected [batch, {count}] logits.");
        }
        Span<float> probabilities = stackalloc float[count];
        for (var r = 0; r < rows.Length; r++)
        {
            Softmax(logits.Slice(r * count, count), probabilities);
            results[rows[r]] = _labels.FromProbabilities(probabilities);
        }
    }

    private static string NamedOutput(ModelManifest manifest, SessionPool sessions)
    {
        var name = manifest.OutputName ?? sessions.OutputNames[0];
        return sessions.OutputNames.Contains(name)
            ? name
            : throw new InvalidDataException($"Manifest '{manifest.Id}' names output '{name}'; the model has [{string.Join(", ", sessions.OutputNames)}].");
    }

    /// <summary>Numerically stable soft-max (shifted by the largest logit).</summary>
    public static void Softmax(ReadOnlySpan<float> logits, Span<float> destination)
    {
        var max = float.NegativeInfinity;
        foreach (var logit in logits)
        {
            max = Math.Max(max, logit);
        }
        double sum = 0;
        for (var i = 0; i < logits.Length; i++)
        {
            sum += Math.Exp(logits[i] - max);
        }
        for (var i = 0; i < logits.Length; i++)
        {
            destination[i] = (float)(Math.Exp(logits[i] - max) / sum);
        }
    }
}
