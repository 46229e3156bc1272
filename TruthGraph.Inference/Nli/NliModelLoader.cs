using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Embeddings;
using TruthGraph.Inference.Models;

namespace TruthGraph.Inference.Nli;

/// <summary>Loads <c>task: nli</c> manifests, by architecture.</summary>
/// <remarks>
/// The embedder is resolved when a model loads, not when the loader is built: the embedder needs the model cache,
/// and the cache needs its loaders.
/// </remarks>
public sealed class NliModelLoader(IServiceProvider services) : IModelLoader
{
    public ModelTask Task => ModelTask.Nli;

    public async Task<ILoadedModel> LoadAsync(ModelManifest manifest, ModelRuntime runtime, CancellationToken cancellationToken)
    {
        switch (manifest.Architecture)
        {
            case "bi-encoder-head":
                var head = await ArtifactLoader.ReadAllBytesAsync(manifest.Weights, cancellationToken);
                return new BiEncoderHeadModel(manifest, head, services.GetRequiredService<ITextEmbedder>(), runtime);
            default:
                throw new InvalidDataException(
                    $"Manifest '{manifest.Id}' has architecture '{manifest.Architecture}'; this service knows 'bi-encoder-head'.");
        }
    }
}
