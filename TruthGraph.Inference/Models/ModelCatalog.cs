using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TruthGraph.Inference.Onnx.Quantization;

namespace TruthGraph.Inference.Models;

/// <summary>The models this service can serve, read once from the manifest folder.</summary>
public sealed class ModelCatalog
{
    private readonly Dictionary<string, ModelManifest> _models;

    public ModelCatalog(IOptions<InferenceOptions> options)
    {
        var directory = Path.IsPathRooted(options.Value.ModelsDirectory)
            ? options.Value.ModelsDirectory
            : Path.Combine(AppContext.BaseDirectory, options.Value.ModelsDirectory);
        Directory = directory;
        _models = Load(directory).ToDictionary(m => m.Id, StringComparer.OrdinalIgnoreCase);
    }

    public string Directory { get; }

    public IReadOnlyCollection<ModelManifest> All => _models.Values;

    public bool TryGet(string id, out ModelManifest manifest) => _models.TryGetValue(id, out manifest!);

    internal static IEnumerable<ModelManifest> Load(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Model manifest folder '{directory}' does not exist (Inference:ModelsDirectory).");
        }
        foreach (var file in System.IO.Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            ModelManifest? manifest;
            var bytes = File.ReadAllBytes(file);
            try
            {
                manifest = JsonSerializer.Deserialize<ModelManifest>(bytes, ModelManifest.JsonOptions);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException($"Model manifest '{file}' is not valid: {ex.Message}", ex);
            }
            if (manifest is null)
            {
                throw new InvalidDataException($"Model manifest '{file}' is empty.");
            }
            // Refused here, not at load: a model whose text this service cannot tokenize must not look servable.
            // A disabled manifest may name a kind not implemented yet: it is listed (and pullable), never loaded.
            if (manifest.Enabled && !TokenizerSpec.KnownKinds.Contains(manifest.Tokenizer.Kind, StringComparer.OrdinalIgnoreCase))
            {
                throw new InvalidDataException(
                    $"Model manifest '{file}' has tokenizer kind '{manifest.Tokenizer.Kind}'; this service implements [{string.Join(", ", TokenizerSpec.KnownKinds)}].");
            }
            if (manifest.CpuInt8Method is { } method && !QuantizationMethods.TryParse(method, out _))
            {
                throw new InvalidDataException($"Model manifest '{file}' has cpuInt8Method '{method}'; use {QuantizationMethods.Names}.");
            }
            // A manifest names its own files relative to its folder, so the folder can move (bin/, the repo, a volume).
            yield return manifest with
            {
                Weights = InFolder(manifest.Weights, directory),
                Adapter = manifest.Adapter is null ? null : InFolder(manifest.Adapter, directory),
                Revision = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16],
            };
        }
    }

    private static ArtifactSource InFolder(ArtifactSource source, string directory) =>
        source is { Kind: "file", Path: { } path } && !Path.IsPathRooted(path)
            ? source with { Path = Path.GetFullPath(Path.Combine(directory, path)) }
            : source;
}
