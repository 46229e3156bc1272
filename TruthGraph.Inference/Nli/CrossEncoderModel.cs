using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using TruthGraph.Inference.Batching;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Embeddings;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Onnx;
using TruthGraph.Inference.Telemetry;
using TruthGraph.Inference.Tokenization;

namespace TruthGraph.Inference.Nli;

/// <summary>
/// A pair classifier that reads both texts together: <c>[CLS] premise [SEP] hypothesis [SEP]</c> through the model
/// (cross-encoder/nli-* layout), logits over the manifest's labels, soft-max, then the manifest's offsets.
/// Batched exactly like embeddings (<see cref="PaddedTokenRuns"/>, <see cref="MicroBatcher{TIn,TOut}"/>, the session
/// pool on the configured device). Embeddings passed with a pair are ignored: this model has no use for them.
/// </summary>
public sealed class CrossEncoderModel : INliModel
{
    private readonly SessionPool _sessions;
    private readonly BertWordPieceTokenizer _tokenizer;
    private readonly ModelRuntime _runtime;
    private readonly InferenceTelemetry _telemetry;
    private readonly MicroBatcher<NliPairInput, NliPrediction> _batcher;
    private readonly NliLabels _labels;
    private readonly string _outputName;
    private readonly RunOptions _runOptions = new();

    public CrossEncoderModel(ModelManifest manifest, SessionPool sessions, BertWordPieceTokenizer tokenizer, ModelRuntime runtime,
        InferenceTelemetry telemetry, TimeSpan maxWait, Func<int> coalescingCap, long estimatedBytes)
    {
        Manifest = manifest;
        _sessions = sessions;
        _tokenizer = tokenizer;
        _runtime = runtime;
        _telemetry = telemetry;
        EstimatedBytes = estimatedBytes;
        _labels = new NliLabels(manifest.Labels, manifest.LogProbOffsets);
        _outputName = manifest.OutputName ?? sessions.OutputNames[0];
        if (!sessions.OutputNames.Contains(_outputName))
        {
            throw new InvalidDataException($"Manifest '{manifest.Id}' names output '{_outputName}'; the model has [{string.Join(", ", sessions.OutputNames)}].");
        }
        Thresholds = VerdictThresholds.From(manifest);
        _batcher = new MicroBatcher<NliPairInput, NliPrediction>(RunBatch, coalescingCap, maxWait, sessions.Count);
    }

    public ModelManifest Manifest { get; }
    public DeviceInfo Device => _sessions.Device;
    public int Sessions => _sessions.Count;
    public int IntraOpThreads => _sessions.IntraOpThreads;
    public long EstimatedBytes { get; }

    // A pair is one encoder pass, like a text: the embedding bench's batch sizes apply.
    public int DefaultBatchSize => EmbeddingModelLoader.DefaultBatchSize(Device);
    public VerdictThresholds? Thresholds { get; }

    public Task<NliPrediction[]> ClassifyAsync(IReadOnlyList<NliPairInput> pairs, CancellationToken cancellationToken) =>
        _batcher.RunAsync(pairs, _runtime.MicroBatching, cancellationToken);

    public Task WarmUpAsync(CancellationToken cancellationToken)
    {
        // One run per session: each session initialises its kernels on its first call.
        var pairs = Enumerable.Repeat(new NliPairInput("The sky is blue.", "The sky has a colour."), Sessions * 2).ToArray();
        RunBatch(pairs, []);
        return Task.CompletedTask;
    }

    private NliPrediction[] RunBatch(IReadOnlyList<NliPairInput> pairs, IReadOnlyList<BatchMember> members)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = TokenBatchTelemetry.Start(InferenceTelemetry.Nli, "nli batch", members);
        var inputs = new TokenizedInput[pairs.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = _tokenizer.EncodePair(pairs[i].Premise, pairs[i].Hypothesis, Manifest.MaxTokens);
        }

        var predictions = new NliPrediction[inputs.Length];
        var cost = PaddedTokenRuns.Execute(inputs, _sessions, _runtime.RunBatchSize.Current, _tokenizer.PadId, _runOptions, _outputName,
            (logits, rows, _) => Classify(logits, rows, predictions));
        TokenBatchTelemetry.Complete(activity, _telemetry, _runtime, Manifest.Id, Device.Device, inputs, members, cost,
            Stopwatch.GetElapsedTime(started));
        return predictions;
    }

    private void Classify(ReadOnlySpan<float> logits, ReadOnlySpan<int> rows, NliPrediction[] predictions)
    {
        var count = _labels.Count;
        if (logits.Length != rows.Length * count)
        {
            throw new InvalidDataException(
                $"Model '{Manifest.Id}' output '{_outputName}' has {logits.Length} values for {rows.Length} pairs; expected [batch, {count}] logits.");
        }
        Span<float> probabilities = stackalloc float[count];
        for (var r = 0; r < rows.Length; r++)
        {
            Softmax(logits.Slice(r * count, count), probabilities);
            predictions[rows[r]] = _labels.FromProbabilities(probabilities);
        }
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

    public async ValueTask DisposeAsync()
    {
        await _batcher.DisposeAsync();
        _sessions.Dispose();
        _runOptions.Dispose();
    }
}
