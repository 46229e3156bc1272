using System.Security.Cryptography;
using System.Text.Json;
using TruthGraph.CrossEncoderTraining.Evaluation;
using TruthGraph.CrossEncoderTraining.Export;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Onnx.Adapters;

namespace TruthGraph.CrossEncoderTraining.Tests;

/// <summary>The adapter in models/ and its manifest: hashes, size, and the merged graph against TorchSharp on 100 dev pairs.</summary>
public sealed class ShippedAdapterTests
{
    private const long MaxArtifactBytes = 5 * 1024 * 1024;

    [Fact]
    public void Manifest_hashes_match_the_adapter_file_and_the_package_weights()
    {
        var manifest = Manifest();
        var adapter = File.ReadAllBytes(manifest.Adapter!.Path!);
        Assert.Equal(manifest.Adapter.Sha256, Sha256(adapter));
        Assert.Equal(manifest.Adapter.Bytes, adapter.LongLength);
        Assert.True(adapter.LongLength <= MaxArtifactBytes, $"{adapter.LongLength:N0} bytes");
        Assert.Equal(manifest.Weights.Sha256, Sha256(TorchTestContext.BaseModel));
        var (_, metadata) = SafeTensorsFile.Read(adapter);
        Assert.Equal(manifest.Weights.Sha256, metadata[AdapterTensorNames.BaseSha256Key]);
        using var document = JsonDocument.Parse(File.ReadAllText(ManifestPath()));
        Assert.Equal(manifest.Adapter.Sha256, document.RootElement.GetProperty("training").GetProperty("adapterSha256").GetString());
    }

    [Fact]
    public async Task Merged_shipped_model_matches_torchsharp_on_100_dev_pairs_within_1e_3()
    {
        var manifest = Manifest();
        var adapter = File.ReadAllBytes(manifest.Adapter!.Path!);
        var merged = await ModelWeights.ReadAsync(manifest, Path.GetTempPath(), CancellationToken.None);

        var model = new MiniLmCrossEncoder(TorchTestContext.Weights, AdapterImport.Settings(adapter), dropout: 0);
        AdapterImport.Apply(model, adapter);
        var pairs = TorchTestContext.DevPairs(100, manifest.MaxTokens);
        var expected = new PairScorer(model, TorchTestContext.Tokenizer.PadId).Logits(pairs);
        var actual = TorchTestContext.RunOnnx(merged, pairs, manifest.OutputName!);

        Assert.True(TorchTestContext.MaxDifference(expected, actual) < 1e-3, $"max |Δlogit| = {TorchTestContext.MaxDifference(expected, actual):E2}");
    }

    [Fact]
    public async Task A_changed_adapter_file_is_refused_by_its_hash()
    {
        var manifest = Manifest();
        var tampered = Path.GetTempFileName();
        try
        {
            var bytes = File.ReadAllBytes(manifest.Adapter!.Path!);
            bytes[^1] ^= 1;
            File.WriteAllBytes(tampered, bytes);
            var changed = manifest with { Adapter = manifest.Adapter with { Path = tampered } };
            var error = await Assert.ThrowsAsync<InvalidDataException>(() => ModelWeights.ReadAsync(changed, Path.GetTempPath(), CancellationToken.None));
            Assert.Contains("sha256", error.Message);
        }
        finally
        {
            File.Delete(tampered);
        }
    }

    private static ModelManifest Manifest() =>
        ModelCatalog.Load(Path.GetDirectoryName(ManifestPath())!).Single(m => m.Id == PublishCommand.Id);

    private static string ManifestPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TruthGraph.sln")))
            {
                return Path.Combine(dir.FullName, "models", PublishCommand.Id + ".json");
            }
        }
        throw new DirectoryNotFoundException("TruthGraph.sln not found above the test output folder.");
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
