using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Tokenization;

namespace TruthGraph.Inference.Onnx;

/// <summary>
/// What every encoder-shaped model (embeddings, cross-encoders) loads the same way: weights and vocabulary from their
/// sources (the INT8 rewrite from the model cache when the runtime asks for int8, served only once <see cref="Int8SelfCheck"/>
/// passes; it costs one fp32 and one INT8 single-thread session for a few inputs at load), the session pool on the configured
/// device (CUDA with CPU fallback), and the micro-batching settings.
/// </summary>
public sealed record EncoderParts(SessionPool Sessions, BertWordPieceTokenizer Tokenizer, long EstimatedBytes, TimeSpan MaxWait, Func<int> CoalescingCap)
{
    /// <summary>Loads the parts and builds a model on them with <paramref name="build"/>.</summary>
    public static async Task<TModel> BuildAsync<TModel>(ModelManifest manifest, ModelRuntime runtime, InferenceOptions settings,
        Func<EncoderParts, TModel> build, CancellationToken cancellationToken)
    {
        var parts = await LoadAsync(manifest, runtime, settings, cancellationToken);
        try
        {
            return build(parts);
        }
        catch
        {
            // A manifest that does not fit the graph (labels, output name) must not leak the sessions.
            parts.Sessions.Dispose();
            throw;
        }
    }

    public static async Task<EncoderParts> LoadAsync(ModelManifest manifest, ModelRuntime runtime, InferenceOptions settings,
        CancellationToken cancellationToken)
    {
        var before = Environment.WorkingSet;
        var cache = settings.ResolvedModelCacheDirectory;
        BertWordPieceTokenizer tokenizer;
        await using (var vocab = ArtifactLoader.Open(manifest.Tokenizer.Vocab, cache))
        {
            tokenizer = BertWordPieceTokenizer.Create(vocab, manifest.Tokenizer.Lowercase);
        }
        var weights = await ModelWeights.ReadAsync(manifest, cache, cancellationToken);
        if (runtime.Precision.Int8Method is { } method)
        {
            var int8 = await new QuantizedModelStore(cache).GetOrCreateAsync(manifest, method, runtime.Precision.WeightEncoding, force: false, cancellationToken);
            runtime.Int8File = int8.Record;
            // Served only if it agrees with fp32 on fixed inputs here, on this CPU; otherwise the fp32 weights already read are.
            var check = Int8SelfCheck.Run(manifest, tokenizer, weights, int8.Bytes);
            runtime.Int8Check = check;
            if (check.Passed)
            {
                weights = int8.Bytes;
            }
        }
        var sessions = SessionPool.Create(weights, settings.Device, settings.CudaDeviceId, settings.Onnx.Sessions,
            settings.Onnx.IntraOpThreads, settings.Onnx.GraphOptimization, settings.Onnx.AllowSpinning);
        // ORT keeps its own copy of the graph; the managed bytes are garbage once the sessions exist.
        var estimate = Math.Max(Environment.WorkingSet - before, weights.LongLength);
        var maxWait = TimeSpan.FromMilliseconds(Math.Max(0, settings.Batching.MaxWaitMilliseconds));
        // Without a configured cap, a coalesced batch fills just what one ONNX run per session takes at the size in use.
        var configuredCap = settings.Batching.MaxBatchSize;
        return new EncoderParts(sessions, tokenizer, estimate, maxWait, () => configuredCap ?? runtime.RunBatchSize.Current);
    }
}
