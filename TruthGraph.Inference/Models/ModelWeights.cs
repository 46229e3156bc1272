using System.Security.Cryptography;
using TruthGraph.Inference.Onnx.Adapters;

namespace TruthGraph.Inference.Models;

/// <summary>
/// The ONNX bytes a manifest describes: its weights as stored, or, when it names an <see cref="ModelManifest.Adapter"/>,
/// those weights with the adapter merged in. Every sha256 the manifest gives is checked first: an adapter applied to
/// other base weights than it was trained on would load fine and answer nonsense.
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
        Verify(manifest.Id, "weights", manifest.Weights, weights);
        var adapter = await ArtifactLoader.ReadAllBytesAsync(manifest.Adapter, cacheDirectory, cancellationToken);
        Verify(manifest.Id, "adapter", manifest.Adapter, adapter);
        return AdapterMerge.Merge(weights, adapter);
    }

    private static void Verify(string id, string what, ArtifactSource source, byte[] bytes)
    {
        if (source.Sha256 is null)
        {
            return;
        }
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(actual, source.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"Model '{id}': the {what} ({source}) have sha256 {actual}; the manifest expects {source.Sha256}.");
        }
    }
}
