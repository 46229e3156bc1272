using Microsoft.Extensions.Options;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Onnx;
using TruthGraph.Inference.Telemetry;

namespace TruthGraph.Inference.Nli;

/// <summary>Loads <c>task: nli</c> manifests, by architecture.</summary>
public sealed class NliModelLoader(IOptions<InferenceOptions> options, InferenceTelemetry telemetry) : IModelLoader
{
    public ModelTask Task => ModelTask.Nli;

    public async Task<ILoadedModel> LoadAsync(ModelManifest manifest, ModelRuntime runtime, LoadedEncoder? encoder, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        switch (manifest.Architecture)
        {
            case NliArchitecture.BiEncoderHead:
                var head = await ArtifactLoader.ReadAllBytesAsync(manifest.Weights, settings.ResolvedModelCacheDirectory, cancellationToken);
                return new BiEncoderHeadModel(manifest, head, runtime, encoder, telemetry);
            case NliArchitecture.CrossEncoder:
                return await EncoderParts.BuildAsync(manifest, runtime, settings,
                    parts => new CrossEncoderModel(manifest, parts, runtime, telemetry), cancellationToken);
            default:
                var known = string.Join(", ", Enum.GetValues<NliArchitecture>().Select(a => a.ManifestName()));
                throw new InvalidDataException(
                    $"Manifest '{manifest.Id}' has architecture '{manifest.Architecture?.ManifestName()}'; this service knows [{known}].");
        }
    }
}
