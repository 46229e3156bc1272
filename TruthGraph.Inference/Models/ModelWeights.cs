using TruthGraph.Inference.Onnx.Adapters;

namespace TruthGraph.Inference.Models;

/// <summary>
/// The ONNX bytes a manifest describes: its weights as stored, or, when it names an <see cref="ModelManifest.Adapter"/>,
/// those weights with the adapter merged in. <see cref="ArtifactLoader.ReadAllBytesAsync"/> checks every sha256 the
/// manifest gives: an adapter applied to other base weights than it was trained on would load fine and answer nonsense.
/// </summary>
public static class ModelWeights
{
    public static async Task<byte[]> ReadAsync(ModelManifest manifest, string cacheDirectory, CancellationToken cancellationToken)
    {
        var weights = await ArtifactLoader.ReadAllBytesAsync(manifest.Weights, cacheDirectory, cancellationToken);
        if (manifest.Adapter is null)
        {
            return weights;
        }
        var adapter = await ArtifactLoader.ReadAllBytesAsync(manifest.Adapter, cacheDirectory, cancellationToken);
        // The weights' hash was just checked against the manifest: the merge need not hash 90 MB again.
        return AdapterMerge.Merge(weights, adapter, manifest.Weights.Sha256);
    }
}
