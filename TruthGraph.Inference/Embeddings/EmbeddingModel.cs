using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using TruthGraph.Inference.Batching;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Onnx;
using TruthGraph.Inference.Telemetry;
using TruthGraph.Inference.Tokenization;

namespace TruthGraph.Inference.Embeddings;

/// <summary>
/// A BERT-style sentence encoder on ONNX Runtime: tokenized texts go through <see cref="PaddedTokenRuns"/> (length-sorted,
/// padded per run, runs side by side on the session pool), then mean or CLS pooling.
/// </summary>
public sealed class EmbeddingModel : IEmbeddingModel
{
    private readonly SessionPool _sessions;
    private readonly BertWordPieceTokenizer _tokenizer;
    private readonly ModelRuntime _runtime;
    private readonly InferenceTelemetry _telemetry;
    private readonly MicroBatcher<string, EmbeddedText> _batcher;
    private readonly string _outputName;
    private readonly bool _clsPooling;
    private readonly RunOptions _runOptions = new();

    public EmbeddingModel(ModelManifest manifest, SessionPool sessions, BertWordPieceTokenizer tokenizer, ModelRuntime runtime,
        InferenceTelemetry telemetry, TimeSpan maxWait, Func<int> coalescingCap, long estimatedBytes)
    {
        Manifest = manifest;
        _sessions = sessions;
        _tokenizer = tokenizer;
        _runtime = runtime;
        _telemetry = telemetry;
        EstimatedBytes = estimatedBytes;
        _outputName = manifest.OutputName ?? sessions.OutputNames[0];
        _clsPooling = string.Equals(manifest.Pooling, "cls", StringComparison.OrdinalIgnoreCase);
        _batcher = new MicroBatcher<string, EmbeddedText>(RunBatch, coalescingCap, maxWait, sessions.Count);
    }

    public ModelManifest Manifest { get; }
    public DeviceInfo Device => _sessions.Device;
    public int Sessions => _sessions.Count;
    public int IntraOpThreads => _sessions.IntraOpThreads;
    public long EstimatedBytes { get; }
    public int Dimensions => Manifest.Dimensions;
    public int DefaultBatchSize => EmbeddingModelLoader.DefaultBatchSize(Device);

    public Task<EmbeddedText[]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        _batcher.RunAsync(texts, _runtime.MicroBatching, cancellationToken);

    public EmbeddedText[] EmbedNow(IReadOnlyList<string> texts) => RunBatch(texts, []);

    public Task WarmUpAsync(CancellationToken cancellationToken)
    {
        // One run per session: each session initialises its kernels on its first call.
        var texts = Enumerable.Repeat("warm-up", Sessions * 2).ToArray();
        RunBatch(texts, []);
        return Task.CompletedTask;
    }

    private EmbeddedText[] RunBatch(IReadOnlyList<string> texts, IReadOnlyList<BatchMember> members)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = TokenBatchTelemetry.Start(InferenceTelemetry.Embed, "embed batch", members);
        var inputs = new TokenizedInput[texts.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = _tokenizer.Encode(texts[i], Manifest.MaxTokens);
        }

        var vectors = new float[inputs.Length][];
        var cost = PaddedTokenRuns.Execute(inputs, _sessions, _runtime.RunBatchSize.Current, _tokenizer.PadId, _runOptions, _outputName,
            (hidden, rows, width) => Pool(hidden, inputs, rows, width, vectors));
        TokenBatchTelemetry.Complete(activity, _telemetry, _runtime, Manifest.Id, Device.Device, inputs, members, cost,
            Stopwatch.GetElapsedTime(started));

        var result = new EmbeddedText[inputs.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new EmbeddedText(vectors[i], inputs[i].Length, inputs[i].Truncated);
        }
        return result;
    }

    private void Pool(ReadOnlySpan<float> hidden, TokenizedInput[] inputs, ReadOnlySpan<int> rows, int width, float[][] vectors)
    {
        var dims = hidden.Length / (rows.Length * width);
        for (var r = 0; r < rows.Length; r++)
        {
            var length = inputs[rows[r]].Length;
            var vector = new float[dims];
            var tokensToPool = _clsPooling ? 1 : length;
            for (var t = 0; t < tokensToPool; t++)
            {
                var row = hidden.Slice((r * width + t) * dims, dims);
                for (var d = 0; d < dims; d++)
                {
                    vector[d] += row[d];
                }
            }
            var scale = 1f / tokensToPool;
            var norm = 0.0;
            for (var d = 0; d < dims; d++)
            {
                vector[d] *= scale;
                norm += vector[d] * (double)vector[d];
            }
            if (Manifest.Normalize && norm > 0)
            {
                var inverse = (float)(1 / Math.Sqrt(norm));
                for (var d = 0; d < dims; d++)
                {
                    vector[d] *= inverse;
                }
            }
            vectors[rows[r]] = vector;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _batcher.DisposeAsync();
        _sessions.Dispose();
        _runOptions.Dispose();
    }
}
