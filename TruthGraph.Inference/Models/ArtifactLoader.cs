using System.Reflection;
using System.Security.Cryptography;

namespace TruthGraph.Inference.Models;

/// <summary>
/// Reads a model artefact (weights, vocabulary) from wherever its manifest says it lives. <c>url</c> artefacts are
/// read from the model cache folder (file name = sha256) and are downloaded only by <see cref="EnsureCachedAsync"/>
/// (the <c>models pull</c> command): the service never downloads, so start-up and warm-up cannot hang on a network.
/// </summary>
public static class ArtifactLoader
{
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>The per-user cache that <c>models pull</c> fills and the service reads (Inference:ModelCacheDirectory overrides it).</summary>
    public static string DefaultCacheDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "truthgraph", "models");

    /// <summary>Whether the bytes can be read now, without any download.</summary>
    public static bool IsAvailable(ArtifactSource source, string cacheDirectory) => source.Kind switch
    {
        "package-resource" => TryLoadAssembly(source.Assembly)?.GetManifestResourceInfo(source.Resource ?? "") is not null,
        "file" => File.Exists(source.Path),
        "url" => source.Url is not null && source.Sha256 is not null && File.Exists(CachedPath(source, cacheDirectory)),
        _ => false,
    };

    /// <summary>Where a <c>url</c> artefact lives once pulled: named by its expected hash, so a changed file is a new entry.</summary>
    public static string CachedPath(ArtifactSource source, string cacheDirectory) =>
        Path.Combine(cacheDirectory, (source.Sha256 ?? throw new InvalidDataException($"The 'url' artefact {source.Url} needs a sha256.")).ToLowerInvariant());

    /// <summary>The artefact's bytes; when the manifest gives a sha256 they must match it, so a damaged file fails with that reason.</summary>
    public static async Task<byte[]> ReadAllBytesAsync(ArtifactSource source, string cacheDirectory, CancellationToken cancellationToken)
    {
        await using var stream = Open(source, cacheDirectory);
        using var buffer = new MemoryStream(stream.CanSeek ? (int)stream.Length : 0);
        await stream.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        if (source.Sha256 is { Length: > 0 } expected)
        {
            var actual = Sha256Hex(bytes);
            if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidDataException(
                    $"{source} is damaged or was replaced: its sha256 is {actual}, the manifest expects {expected.ToLowerInvariant()}.");
            }
        }
        return bytes;
    }

    public static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Why a model cannot be loaded now (its weights, adapter or vocabulary missing), or null when it can.</summary>
    public static string? WhyUnavailable(ModelManifest manifest, string cacheDirectory) =>
        WhyUnavailable(manifest.Weights, cacheDirectory)
        ?? (manifest.Adapter is null ? null : WhyUnavailable(manifest.Adapter, cacheDirectory))
        ?? WhyUnavailable(manifest.Tokenizer.Vocab, cacheDirectory);

    /// <summary>Why the bytes cannot be read now, or null when they can.</summary>
    public static string? WhyUnavailable(ArtifactSource source, string cacheDirectory) =>
        IsAvailable(source, cacheDirectory) ? null
        : source.Kind switch
        {
            "file" => $"{source} is missing",
            "url" => $"{source.Url} is not in the model cache (run `models pull`)",
            "package-resource" => $"{source} is not deployed with the service",
            _ => $"unknown artefact kind '{source.Kind}'",
        };

    public static Stream Open(ArtifactSource source, string cacheDirectory)
    {
        switch (source.Kind)
        {
            case "package-resource":
                var assembly = TryLoadAssembly(source.Assembly)
                    ?? throw new FileNotFoundException($"Assembly '{source.Assembly}' of package {source.Package} is not deployed with the service.");
                return assembly.GetManifestResourceStream(source.Resource ?? "")
                    ?? throw new FileNotFoundException($"Resource '{source.Resource}' is not in assembly '{source.Assembly}'.");
            case "file":
                return File.OpenRead(source.Path ?? throw new InvalidDataException("A 'file' artefact needs a path."));
            case "url":
                var cached = CachedPath(source, cacheDirectory);
                return File.Exists(cached)
                    ? File.OpenRead(cached)
                    : throw new FileNotFoundException($"{source.Url} is not in the model cache '{cacheDirectory}'; run `models pull <id>` first.");
            default:
                throw new InvalidDataException($"Unknown artefact kind '{source.Kind}' (package-resource | file | url).");
        }
    }

    /// <summary>Downloads a <c>url</c> artefact into the cache unless it is there (resuming a partial download); other kinds need nothing.</summary>
    public static async Task<bool> EnsureCachedAsync(ArtifactSource source, string cacheDirectory, IProgress<DownloadProgress>? progress,
        CancellationToken cancellationToken, HttpClient? http = null)
    {
        if (source.Kind != "url")
        {
            return false;
        }
        if (source.Url is null || source.Sha256 is null)
        {
            throw new InvalidDataException($"A 'url' artefact needs both url and sha256 ({source.Url ?? "no url"}).");
        }
        var target = CachedPath(source, cacheDirectory);
        if (File.Exists(target))
        {
            return false;
        }
        await ArtifactDownloader.DownloadAsync(http ?? Http, source.Url, source.Sha256, target, progress, cancellationToken);
        return true;
    }

    private static Assembly? TryLoadAssembly(string? name)
    {
        try { return name is null ? null : Assembly.Load(name); }
        catch (FileNotFoundException) { return null; }
    }
}
