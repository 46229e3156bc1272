using System.Reflection;
using System.Security.Cryptography;

namespace TruthGraph.Inference.Models;

/// <summary>Reads a model artefact (weights, vocabulary) from wherever its manifest says it lives.</summary>
public static class ArtifactLoader
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(10) };

    public static bool IsAvailable(ArtifactSource source) => source.Kind switch
    {
        "package-resource" => TryLoadAssembly(source.Assembly)?.GetManifestResourceInfo(source.Resource ?? "") is not null,
        "file" => File.Exists(source.Path),
        "url" => source.Url is not null && source.Sha256 is not null,
        _ => false,
    };

    public static async Task<byte[]> ReadAllBytesAsync(ArtifactSource source, CancellationToken cancellationToken)
    {
        await using var stream = await OpenAsync(source, cancellationToken);
        using var buffer = new MemoryStream(stream.CanSeek ? (int)stream.Length : 0);
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    public static async Task<Stream> OpenAsync(ArtifactSource source, CancellationToken cancellationToken)
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
                return File.OpenRead(await DownloadAsync(source, cancellationToken));
            default:
                throw new InvalidDataException($"Unknown artefact kind '{source.Kind}' (package-resource | file | url).");
        }
    }

    // Downloads once into the user's cache, keyed by the expected hash, and refuses bytes that do not match it.
    private static async Task<string> DownloadAsync(ArtifactSource source, CancellationToken cancellationToken)
    {
        if (source.Url is null || source.Sha256 is null)
        {
            throw new InvalidDataException("A 'url' artefact needs both url and sha256.");
        }
        var expected = source.Sha256.ToLowerInvariant();
        var folder = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "truthgraph", "models");
        var target = Path.Combine(folder, expected);
        if (File.Exists(target))
        {
            return target;
        }
        Directory.CreateDirectory(folder);
        var partial = target + ".part";
        await using (var file = File.Create(partial))
        {
            await using var body = await Http.GetStreamAsync(source.Url, cancellationToken);
            await body.CopyToAsync(file, cancellationToken);
        }
        string actual;
        await using (var file = File.OpenRead(partial))
        {
            actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
        }
        if (actual != expected)
        {
            File.Delete(partial);
            throw new InvalidDataException($"{source.Url} has sha256 {actual}, the manifest expects {expected}.");
        }
        File.Move(partial, target, overwrite: true);
        return target;
    }

    private static Assembly? TryLoadAssembly(string? name)
    {
        try { return name is null ? null : Assembly.Load(name); }
        catch (FileNotFoundException) { return null; }
    }
}
