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
/// A BERT-style sentence encoder on ONNX Runtime. A batch is sorted by token count and cut into runs padded only to
/// their own longest text (padding to a fixed length costs 4–5× here); the runs go to the session pool side by side.
/// </summary>
public sealed class EmbeddingModel : IEmbeddingModel
{
    private readonly SessionPool _sessions;
    private readonly BertWordPieceTokenizer _tokenizer;
    private readonly ModelRuntime _runtime;
    private readonly InferenceTelemetry _telemetry;
    private readonly MicroBatcher<string, EmbeddedText> _batcher;
    private readonly string _outputName;
    private readonly bool _hasTypeIds;
    private readonly bool _clsPooling;
    private readonly RunOptions _runOptions = new();
    private readonly SemaphoreSlim _direct;

    public EmbeddingModel(ModelManifest manifest, SessionPool sessions, BertWordPieceTokenizer tokenizer, ModelRuntime runtime,
        InferenceTelemetry telemetry, TimeSpan maxWait, Func<int> maxBatch, long estimatedBytes)
    {
        Manifest = manifest;
        _sessions = sessions;
        _tokenizer = tokenizer;
        _runtime = runtime;
        _telemetry = telemetry;
        EstimatedBytes = estimatedBytes;
        _outputName = manifest.OutputName ?? sessions.OutputNames[0];
        _hasTypeIds = sessions.InputNames.Contains("token_type_ids");
        _clsPooling = string.Equals(manifest.Pooling, "cls", StringComparison.OrdinalIgnoreCase);
        _direct = new SemaphoreSlim(sessions.Count, sessions.Count);
        _batcher = new MicroBatcher<string, EmbeddedText>(RunBatch, maxBatch, maxWait, sessions.Count);
    }

    public ModelManifest Manifest { get; }
    public DeviceInfo Device => _sessions.Device;
    public int Sessions => _sessions.Count;
    public int IntraOpThreads => _sessions.IntraOpThreads;
    public long EstimatedBytes { get; }
    public int Dimensions => Manifest.Dimensions;
    public int DefaultBatchSize => EmbeddingModelLoader.DefaultBatchSize(Device);

    public async Task<EmbeddedText[]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        if (_runtime.MicroBatching)
        {
            return await _batcher.SubmitAsync(texts as string[] ?? texts.ToArray(), cancellationToken);
        }
        // Without batching, callers beyond the session count wait here asynchronously rather than blocking
        // thread-pool threads on the session pool.
        var queued = Stopwatch.GetTimestamp();
        await _direct.WaitAsync(cancellationToken);
        try
        {
            var wait = Stopwatch.GetElapsedTime(queued);
            MicroBatcher<string, EmbeddedText>.TagCaller(Activity.Current, wait, texts.Count);
            return RunBatch(texts, [new BatchMember(Activity.Current?.Context ?? default, wait, texts.Count)]);
        }
        finally
        {
            _direct.Release();
        }
    }

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
        using var activity = InferenceTelemetry.Embed.StartActivity("embed batch", ActivityKind.Internal, parentContext: default,
            links: members.Where(m => m.Caller != default).Select(m => new ActivityLink(m.Caller)));
        var inputs = new TokenizedInput[texts.Count];
        long tokens = 0;
        var truncated = 0;
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = _tokenizer.Encode(texts[i], Manifest.MaxTokens);
            tokens += inputs[i].Length;
            truncated += inputs[i].Truncated ? 1 : 0;
        }

        var order = Enumerable.Range(0, inputs.Length).OrderBy(i => inputs[i].Length).ToArray();
        var runs = Plan(order.Length);
        var vectors = new float[inputs.Length][];
        long padded = 0;
        if (runs.Count == 1)
        {
            padded = RunChunk(inputs, order, runs[0], vectors);
        }
        else
        {
            Parallel.ForEach(runs, new ParallelOptions { MaxDegreeOfParallelism = _sessions.Count },
                run => Interlocked.Add(ref padded, RunChunk(inputs, order, run, vectors)));
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var maxWait = members.Count > 0 ? members.Max(m => m.QueueWait) : TimeSpan.Zero;
        if (activity is not null)
        {
            activity.SetTag("truthgraph.model", Manifest.Id);
            activity.SetTag("truthgraph.device", Device.Device);
            activity.SetTag("truthgraph.batch.size", inputs.Length);
            activity.SetTag("truthgraph.batch.requests", members.Count);
            activity.SetTag("truthgraph.batch.runs", runs.Count);
            activity.SetTag("truthgraph.batch.tokens", tokens);
            activity.SetTag("truthgraph.batch.padded_tokens", padded);
            activity.SetTag("truthgraph.batch.truncated", truncated);
            activity.SetTag("truthgraph.queue.wait_ms", maxWait.TotalMilliseconds);
        }
        var modelTag = new KeyValuePair<string, object?>("truthgraph.model", Manifest.Id);
        var deviceTag = new KeyValuePair<string, object?>("truthgraph.device", Device.Device);
        _telemetry.BatchDuration.Record(elapsed.TotalMilliseconds, modelTag, deviceTag);
        _telemetry.BatchSize.Record(inputs.Length, modelTag, deviceTag);
        _telemetry.Items.Add(inputs.Length, modelTag);
        _telemetry.Tokens.Add(tokens, modelTag);
        if (truncated > 0)
        {
            _telemetry.TruncatedItems.Add(truncated, modelTag);
        }
        foreach (var member in members)
        {
            _telemetry.QueueWait.Record(member.QueueWait.TotalMilliseconds, modelTag);
        }
        _runtime.Stats.RecordBatch(inputs.Length, tokens, truncated, runs.Count);

        var result = new EmbeddedText[inputs.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new EmbeddedText(vectors[i], inputs[i].Length, inputs[i].Truncated);
        }
        return result;
    }

    // Contiguous slices of the length-sorted order: at most BatchSize each, and at least one per session when the
    // batch is big enough, so a micro-batch keeps every session busy.
    private List<Range> Plan(int count)
    {
        var parts = Math.Max((count + _runtime.BatchSize - 1) / _runtime.BatchSize, Math.Min(_sessions.Count, count));
        var runs = new List<Range>(parts);
        for (var p = 0; p < parts; p++)
        {
            int start = (int)((long)count * p / parts), end = (int)((long)count * (p + 1) / parts);
            if (end > start)
            {
                runs.Add(start..end);
            }
        }
        return runs;
    }

    private long RunChunk(TokenizedInput[] inputs, int[] order, Range run, float[][] vectors)
    {
        var (offset, rows) = run.GetOffsetAndLength(order.Length);
        var width = 0;
        for (var r = 0; r < rows; r++)
        {
            width = Math.Max(width, inputs[order[offset + r]].Length);
        }
        var ids = new long[rows * width];
        var mask = new long[rows * width];
        var types = new long[rows * width];
        if (_tokenizer.PadId != 0)
        {
            Array.Fill(ids, _tokenizer.PadId);
        }
        for (var r = 0; r < rows; r++)
        {
            var input = inputs[order[offset + r]];
            for (var t = 0; t < input.Length; t++)
            {
                ids[r * width + t] = input.Ids[t];
                mask[r * width + t] = 1;
                types[r * width + t] = input.TypeIds[t];
            }
        }

        long[] shape = [rows, width];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var maskValue = OrtValue.CreateTensorValueFromMemory(mask, shape);
        using var typesValue = OrtValue.CreateTensorValueFromMemory(types, shape);
        var names = _hasTypeIds ? new[] { "input_ids", "attention_mask", "token_type_ids" } : ["input_ids", "attention_mask"];
        var values = _hasTypeIds ? new[] { idsValue, maskValue, typesValue } : [idsValue, maskValue];

        _sessions.Run(session =>
        {
            using var outputs = session.Run(_runOptions, names, values, [_outputName]);
            Pool(outputs[0].GetTensorDataAsSpan<float>(), inputs, order, offset, rows, width, vectors);
            return 0;
        });
        return (long)rows * width;
    }

    private void Pool(ReadOnlySpan<float> hidden, TokenizedInput[] inputs, int[] order, int offset, int rows, int width, float[][] vectors)
    {
        var dims = hidden.Length / (rows * width);
        for (var r = 0; r < rows; r++)
        {
            var length = inputs[order[offset + r]].Length;
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
            vectors[order[offset + r]] = vector;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _batcher.DisposeAsync();
        _sessions.Dispose();
        _runOptions.Dispose();
        _direct.Dispose();
    }
}
