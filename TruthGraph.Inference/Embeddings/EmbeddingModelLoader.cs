using Microsoft.Extensions.Options;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Onnx;
using TruthGraph.Inference.Telemetry;
using TruthGraph.Inference.Tokenization;

namespace TruthGraph.Inference.Embeddings;

/// <summary>Loads <c>task: embedding</c> manifests: weights and vocabulary from their sources, sessions on the configured device.</summary>
public sealed class EmbeddingModelLoader(IOptions<InferenceOptions> options, InferenceTelemetry telemetry) : IModelLoader
{
    public ModelTask Task => ModelTask.Embedding;

    public async Task<ILoadedModel> LoadAsync(ModelManifest manifest, ModelRuntime runtime, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var before = Environment.WorkingSet;
        var weights = await ArtifactLoader.ReadAllBytesAsync(manifest.Weights, cancellationToken);
        BertWordPieceTokenizer tokenizer;
        await using (var vocab = await ArtifactLoader.OpenAsync(manifest.Tokenizer.Vocab, cancellationToken))
        {
            tokenizer = BertWordPieceTokenizer.Create(vocab, manifest.Tokenizer.Lowercase);
        }
        var sessions = SessionPool.Create(weights, settings.Device, settings.CudaDeviceId, settings.Onnx.Sessions,
            settings.Onnx.IntraOpThreads, settings.Onnx.GraphOptimization, settings.Onnx.AllowSpinning);
        // ORT keeps its own copy of the graph; the managed bytes are garbage once the sessions exist.
        var estimate = Math.Max(Environment.WorkingSet - before, weights.LongLength);
        var maxWait = TimeSpan.FromMilliseconds(Math.Max(0, settings.Batching.MaxWaitMilliseconds));
        var maxBatch = settings.Batching.MaxBatchSize;
        return new EmbeddingModel(manifest, sessions, tokenizer, runtime, telemetry, maxWait,
            () => maxBatch ?? runtime.BatchSize, estimate);
    }

    /// <summary>
    /// Texts per ONNX run when nothing overrides it. CPU: the bench found 8–16 best (larger runs pad more and gain
    /// nothing on two cores); GPU: large runs keep the device busy.
    /// </summary>
    public static int DefaultBatchSize(DeviceInfo device) => device.IsCuda ? 256 : 16;
}
