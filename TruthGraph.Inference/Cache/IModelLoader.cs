using TruthGraph.Inference.Models;

namespace TruthGraph.Inference.Cache;

/// <summary>Builds an <see cref="ILoadedModel"/> for the manifests of one task. Registered in DI; the cache picks by task.</summary>
public interface IModelLoader
{
    ModelTask Task { get; }

    /// <param name="encoder">
    /// For a manifest that runs on another model's embeddings (a bi-encoder head), that model, loaded first by the cache;
    /// null for every other manifest.
    /// </param>
    Task<ILoadedModel> LoadAsync(ModelManifest manifest, ModelRuntime runtime, LoadedEncoder? encoder, CancellationToken cancellationToken);
}

/// <summary>
/// An encoder as the cache holds it: the loaded model and its run-time settings and counters, so that the model built on
/// it counts its embedding requests where a direct request would.
/// </summary>
public sealed record LoadedEncoder(ILoadedModel Model, ModelRuntime Runtime);
