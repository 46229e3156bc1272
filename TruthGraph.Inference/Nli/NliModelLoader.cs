using Microsoft.Extensions.Options;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Embeddings;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Onnx;
using TruthGraph.Inference.Telemetry;

namespace TruthGraph.Inference.Nli;

/// <summary>Loads <c>task: nli</c> manifests, by architecture.</summary>
/// <remarks>
/// The embedder is resolved when a model loads, not when the loader is built: the embedder needs the model cache,
/// and the cache needs its loaders.
/// </remarks>
public sealed class NliModelLoader(IServiceProvider services) : IModelLoader
{
    public static readonly IReadOnlyList<string> Architectures = ["bi-encoder-head", "cross-encoder"];

    public ModelTask Task => ModelTask.Nli;

    public async Task<ILoadedModel> LoadAsync(ModelManifest manifest, ModelRuntime runtime, CancellationToken cancellationToken)
    {
        var settings = services.GetRequiredService<IOptions<InferenceOptions>>().Value;
        switch (manifest.Architecture)
        {
            case "bi-encoder-head":
                var head = await ArtifactLoader.ReadAllBytesAsync(manifest.Weights, settings.ResolvedModelCacheDirectory, cancellationToken);
                return new BiEncoderHeadModel(manifest, head, services.GetRequiredService<ITextEmbedder>(), runtime);
            case "cross-encoder":
                var parts = await EncoderParts.LoadAsync(manifest, runtime, settings, cancellationToken);
                try
                {
                    return new CrossEncoderModel(manifest, parts.Sessions, parts.Tokenizer, runtime,
                        services.GetRequiredService<InferenceTelemetry>(), parts.MaxWait, parts.CoalescingCap, parts.EstimatedBytes);
                }
                catch
                {
                    // A manifest that does not fit the graph (labels, output name) must not leak the sessions.
                    parts.Sessions.Dispose();
                    throw;
                }
            default:
                throw new InvalidDataException(
                    $"Manifest '{manifest.Id}' has architecture '{manifest.Architecture}'; this service knows [{string.Join(", ", Architectures)}].");
        }
    }
}
