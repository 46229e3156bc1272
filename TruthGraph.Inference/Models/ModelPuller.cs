namespace TruthGraph.Inference.Models;

/// <summary>One file of a pull: which part of the model it is, where it came from, where it is now.</summary>
public sealed record PulledArtifact(string Role, string Url, string Path, bool Downloaded);

/// <summary>
/// Fetches a manifest's <c>url</c> artefacts (weights, tokenizer vocabulary) into the model cache through
/// <see cref="ArtifactLoader.EnsureCachedAsync"/>, the same code and folder the service reads from. The CLI is a thin
/// shell around this, so tests run the real pull against a local server.
/// </summary>
public static class ModelPuller
{
    /// <param name="progressFor">A progress sink per artefact role (<c>weights</c>, <c>vocab</c>); null reports nothing.</param>
    public static async Task<IReadOnlyList<PulledArtifact>> PullAsync(ModelManifest manifest, string cacheDirectory,
        Func<string, IProgress<DownloadProgress>?>? progressFor, CancellationToken cancellationToken, HttpClient? http = null)
    {
        var pulled = new List<PulledArtifact>();
        foreach (var (role, source) in UrlArtifacts(manifest))
        {
            var downloaded = await ArtifactLoader.EnsureCachedAsync(source, cacheDirectory, progressFor?.Invoke(role), cancellationToken, http);
            pulled.Add(new PulledArtifact(role, source.Url!, ArtifactLoader.CachedPath(source, cacheDirectory), downloaded));
        }
        return pulled;
    }

    /// <summary>The artefacts that come from a URL; package resources and files need no pull.</summary>
    public static IEnumerable<(string Role, ArtifactSource Source)> UrlArtifacts(ModelManifest manifest)
    {
        if (manifest.Weights.Kind == "url")
        {
            yield return ("weights", manifest.Weights);
        }
        if (manifest.Tokenizer.Vocab.Kind == "url")
        {
            yield return ("vocab", manifest.Tokenizer.Vocab);
        }
        if (manifest.Tokenizer.Merges is { Kind: "url" } merges)
        {
            yield return ("merges", merges);
        }
    }
}

/// <summary>Reports on the caller's thread, in order (<see cref="Progress{T}"/> posts to the thread pool and can reorder).</summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
