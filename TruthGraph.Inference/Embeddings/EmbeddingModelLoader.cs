using Microsoft.Extensions.Options;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Onnx;
using TruthGraph.Inference.Telemetry;

namespace TruthGraph.Inference.Embeddings;

/// <summary>Loads <c>task: embedding</c> manifests: weights and vocabulary from their sources, sessions on the configured device.</summary>
public sealed class EmbeddingModelLoader(IOptions<InferenceOptions> options, InferenceTelemetry telemetry) : IModelLoader
{
    public ModelTask Task => ModelTask.Embedding;

    public async Task<ILoadedModel> LoadAsync(ModelManifest manifest, ModelRuntime runtime, LoadedEncoder? encoder, CancellationToken cancellationToken) =>
        await EncoderParts.BuildAsync(manifest, runtime, options.Value, parts => new EmbeddingModel(manifest, parts, runtime, telemetry), cancellationToken);

    /// <summary>
    /// Texts per ONNX run when nothing overrides it. CPU: the bench found 8–16 best (larger runs pad more and gain
    /// nothing on two cores); GPU: large runs keep the device busy.
    /// </summary>
    public static int DefaultBatchSize(DeviceInfo device) => device.IsCuda ? 256 : 16;
}
