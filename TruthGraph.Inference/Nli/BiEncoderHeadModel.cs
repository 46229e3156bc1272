using System.Buffers;
using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Embeddings;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Onnx;
using TruthGraph.Inference.Telemetry;

namespace TruthGraph.Inference.Nli;

/// <summary>
/// NLI from two sentence embeddings: a small classifier (ONNX) over the features [u, v, |u−v|, u⊙v] of the
/// premise embedding u and hypothesis embedding v. Texts without a given embedding are encoded by the manifest's
/// encoder model, which the cache loads first and hands to the head (and so through the encoder's micro-batcher; the
/// cache unloads the head with it). The head is a single matrix product, so it runs on the CPU whatever the encoder's device.
/// </summary>
public sealed class BiEncoderHeadModel : INliModel
{
    public static readonly IReadOnlyList<string> SupportedLayout = ["u", "v", "abs(u-v)", "u*v"];

    private readonly InferenceSession _head;
    private readonly IEmbeddingModel _encoder;
    private readonly ModelRuntime _encoderRuntime;
    private readonly InferenceTelemetry _telemetry;
    private readonly ModelRuntime _runtime;
    private readonly NliLabels _labels;
    private readonly string _encoderId;
    private readonly string _inputName;
    private readonly string _probabilitiesName;
    private readonly int _dimensions;

    /// <param name="encoder">The manifest's encoder, loaded before the head.</param>
    public BiEncoderHeadModel(ModelManifest manifest, byte[] headBytes, ModelRuntime runtime, LoadedEncoder? encoder, InferenceTelemetry telemetry)
    {
        if (manifest.Encoder is null || manifest.Features is null || manifest.Onnx is null)
        {
            throw new InvalidDataException($"Manifest '{manifest.Id}' (bi-encoder-head) needs encoder, features and onnx.");
        }
        if (encoder is not { Model: IEmbeddingModel encoderModel })
        {
            throw new InvalidDataException($"Manifest '{manifest.Id}' (bi-encoder-head) runs on encoder '{manifest.Encoder}', which was not loaded as an embedding model.");
        }
        if (!manifest.Features.Layout.SequenceEqual(SupportedLayout))
        {
            throw new InvalidDataException(
                $"Manifest '{manifest.Id}' asks for features [{string.Join(", ", manifest.Features.Layout)}]; only [{string.Join(", ", SupportedLayout)}] is implemented.");
        }
        Manifest = manifest;
        _encoder = encoderModel;
        _encoderRuntime = encoder.Runtime;
        _telemetry = telemetry;
        _runtime = runtime;
        _encoderId = manifest.Encoder;
        _dimensions = manifest.Features.EmbeddingDimensions;
        _inputName = manifest.Onnx.Input;
        _probabilitiesName = manifest.Onnx.Probabilities;
        _labels = new NliLabels(manifest.Labels, manifest.LogProbOffsets);
        Thresholds = VerdictThresholds.From(manifest);
        using var options = new Microsoft.ML.OnnxRuntime.SessionOptions { IntraOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        _head = new InferenceSession(headBytes, options);
        EstimatedBytes = headBytes.LongLength;
    }

    public ModelManifest Manifest { get; }
    public DeviceInfo Device { get; } = new("cpu", "the head is one small matrix product; its encoder runs on its own device");
    public int Sessions => 1;
    public int IntraOpThreads => 1;
    public long EstimatedBytes { get; }
    public int DefaultBatchSize => 256;
    public VerdictThresholds? Thresholds { get; }

    public async Task<NliPrediction[]> ClassifyAsync(IReadOnlyList<NliPairInput> pairs, CancellationToken cancellationToken)
    {
        using var activity = InferenceTelemetry.Nli.StartActivity("nli batch");
        activity?.SetTag("truthgraph.model", Manifest.Id);
        activity?.SetTag("truthgraph.batch.size", pairs.Count);
        var started = Stopwatch.GetTimestamp();

        var vectors = await EmbedMissingAsync(pairs, activity, cancellationToken);
        var predictions = new NliPrediction[pairs.Count];
        // The head runs on at most the batch size's pairs at a time: a sweep tunes it like any model's.
        var batchSize = _runtime.RunBatchSize.Current;
        var runs = 0;
        for (var start = 0; start < pairs.Count; start += batchSize, runs++)
        {
            RunHead(pairs, vectors, start, Math.Min(batchSize, pairs.Count - start), predictions);
        }
        _runtime.Stats.RecordBatch(pairs.Count, 0, 0, runs);
        activity?.SetTag("truthgraph.nli.ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return predictions;
    }

    private void RunHead(IReadOnlyList<NliPairInput> pairs, Dictionary<string, float[]> vectors, int start, int count, NliPrediction[] predictions)
    {
        var width = 4 * _dimensions;
        // Pooled: at 1,536 floats per pair, a run of 128 pairs or more is a large-object allocation, and a profile found
        // one gen-2 collection per head run without the pool.
        var features = ArrayPool<float>.Shared.Rent(count * width);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var pair = pairs[start + i];
                var u = pair.PremiseEmbedding ?? vectors[pair.Premise];
                var v = pair.HypothesisEmbedding ?? vectors[pair.Hypothesis];
                WriteFeatures(u, v, features.AsSpan(i * width, width));
            }
            using var input = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, features.AsMemory(0, count * width), [count, width]);
            using var runOptions = new RunOptions();
            using var outputs = _head.Run(runOptions, [_inputName], [input], [_probabilitiesName]);
            var probabilities = outputs[0].GetTensorDataAsSpan<float>();
            for (var i = 0; i < count; i++)
            {
                predictions[start + i] = _labels.FromProbabilities(probabilities.Slice(i * _labels.Count, _labels.Count));
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(features);
        }
    }

    /// <summary>[u, v, |u−v|, u⊙v], the layout the head was trained on.</summary>
    public static void WriteFeatures(ReadOnlySpan<float> u, ReadOnlySpan<float> v, Span<float> destination)
    {
        var d = u.Length;
        if (v.Length != d || destination.Length != 4 * d)
        {
            throw new ArgumentException($"Embeddings of {u.Length} and {v.Length} dimensions do not fit a {destination.Length}-wide feature row.");
        }
        u.CopyTo(destination);
        v.CopyTo(destination[d..]);
        for (var k = 0; k < d; k++)
        {
            destination[2 * d + k] = Math.Abs(u[k] - v[k]);
            destination[3 * d + k] = u[k] * v[k];
        }
    }

    public Task WarmUpAsync(CancellationToken cancellationToken) =>
        ClassifyAsync([new NliPairInput("The sky is blue.", "The sky has a colour.")], cancellationToken);

    public ValueTask DisposeAsync()
    {
        _head.Dispose();
        return ValueTask.CompletedTask;
    }

    // Each distinct text is encoded once per request, whatever the number of pairs it appears in.
    private async Task<Dictionary<string, float[]>> EmbedMissingAsync(
        IReadOnlyList<NliPairInput> pairs, Activity? activity, CancellationToken cancellationToken)
    {
        var missing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            CheckGiven(pair.PremiseEmbedding, "premiseEmbedding");
            CheckGiven(pair.HypothesisEmbedding, "hypothesisEmbedding");
            if (pair.PremiseEmbedding is null)
            {
                missing.Add(pair.Premise);
            }
            if (pair.HypothesisEmbedding is null)
            {
                missing.Add(pair.Hypothesis);
            }
        }
        activity?.SetTag("truthgraph.nli.encoded_texts", missing.Count);
        if (missing.Count == 0)
        {
            return [];
        }
        var texts = missing.ToList();
        var embedded = await TextEmbedder.EmbedWithAsync(_encoder, _encoderRuntime, _telemetry, texts, cancellationToken);
        return texts.Select((t, i) => (t, embedded.Items[i].Vector)).ToDictionary(x => x.t, x => x.Vector, StringComparer.Ordinal);
    }

    private void CheckGiven(float[]? embedding, string field)
    {
        if (embedding is not null && embedding.Length != _dimensions)
        {
            throw new NliInputException(field, $"has {embedding.Length} dimensions; model '{Manifest.Id}' expects {_dimensions} (encoder {_encoderId}).");
        }
    }
}

/// <summary>A pair the model cannot take as given; the API answers 400 naming <see cref="Field"/>.</summary>
public sealed class NliInputException(string field, string reason) : ArgumentException($"{field} {reason}")
{
    public string Field { get; } = field;
}
