using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;
using TruthGraph.Inference.Batching;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Embeddings;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Telemetry;
using TruthGraph.Inference.Tokenization;

namespace TruthGraph.Inference.Onnx;

/// <summary>
/// The shell of a BERT-style encoder on ONNX Runtime, whatever it computes: each input is tokenized, the batch goes through
/// <see cref="PaddedTokenRuns"/> (length-sorted, padded per run, runs side by side on the session pool) behind a
/// <see cref="MicroBatcher{TIn,TOut}"/>, and the telemetry of every batch is the same. A sentence encoder and a cross-encoder
/// differ only in how they tokenize an input and what they make of its output rows.
/// </summary>
public abstract class EncoderModel<TInput, TOutput> : ILoadedModel
{
    private readonly SessionPool _sessions;
    private readonly ModelRuntime _runtime;
    private readonly InferenceTelemetry _telemetry;
    private readonly ActivitySource _source;
    private readonly string _batchName;
    private readonly MicroBatcher<TInput, TOutput> _batcher;
    private readonly RunOptions _runOptions = new();

    /// <param name="outputName">The session output the model reads.</param>
    /// <param name="source">The activity source of the model's task; <paramref name="batchName"/> names its batch spans.</param>
    protected EncoderModel(ModelManifest manifest, EncoderParts parts, string outputName, ModelRuntime runtime, InferenceTelemetry telemetry,
        ActivitySource source, string batchName)
    {
        Manifest = manifest;
        Tokenizer = parts.Tokenizer;
        OutputName = outputName;
        EstimatedBytes = parts.EstimatedBytes;
        (_sessions, _runtime, _telemetry, _source, _batchName) = (parts.Sessions, runtime, telemetry, source, batchName);
        _batcher = new MicroBatcher<TInput, TOutput>(RunBatch, parts.CoalescingCap, parts.MaxWait, _sessions.Count);
    }

    public ModelManifest Manifest { get; }
    public DeviceInfo Device => _sessions.Device;
    public int Sessions => _sessions.Count;
    public int IntraOpThreads => _sessions.IntraOpThreads;
    public long EstimatedBytes { get; }

    /// <summary>Inputs per ONNX run when nothing overrides it: the embedding bench's sizes, unless the model knows better.</summary>
    public virtual int DefaultBatchSize => EmbeddingModelLoader.DefaultBatchSize(Device);

    protected BertWordPieceTokenizer Tokenizer { get; }
    protected string OutputName { get; }

    /// <summary>An input that the warm-up runs through every session.</summary>
    protected abstract TInput WarmUpInput { get; }

    protected abstract TokenizedInput Tokenize(TInput input);

    /// <summary>
    /// Turns one run's output (<paramref name="width"/> tokens a row) into the results of the inputs at <paramref name="rows"/>.
    /// </summary>
    protected abstract void ReadRun(ReadOnlySpan<float> output, ReadOnlySpan<int> rows, int width, TokenizedInput[] inputs, TOutput[] results);

    /// <summary>Through the micro-batcher when the model's runtime has it on, else at once.</summary>
    protected Task<TOutput[]> RunAsync(IReadOnlyList<TInput> items, CancellationToken cancellationToken) =>
        _batcher.RunAsync(items, _runtime.MicroBatching, cancellationToken);

    public Task WarmUpAsync(CancellationToken cancellationToken)
    {
        // One run per session: each session initialises its kernels on its first call.
        RunBatch(Enumerable.Repeat(WarmUpInput, Sessions * 2).ToArray(), []);
        return Task.CompletedTask;
    }

    protected TOutput[] RunBatch(IReadOnlyList<TInput> items, IReadOnlyList<BatchMember> members)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = TokenBatchTelemetry.Start(_source, _batchName, members);
        var inputs = new TokenizedInput[items.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = Tokenize(items[i]);
        }

        var results = new TOutput[inputs.Length];
        var cost = PaddedTokenRuns.Execute(inputs, _sessions, _runtime.RunBatchSize.Current, Tokenizer.PadId, _runOptions, OutputName,
            (output, rows, width) => ReadRun(output, rows, width, inputs, results));
        TokenBatchTelemetry.Complete(activity, _telemetry, _runtime, Manifest.Id, Device.Device, inputs, members, cost,
            Stopwatch.GetElapsedTime(started));
        return results;
    }

    public async ValueTask DisposeAsync()
    {
        await _batcher.DisposeAsync();
        _sessions.Dispose();
        _runOptions.Dispose();
    }
}
