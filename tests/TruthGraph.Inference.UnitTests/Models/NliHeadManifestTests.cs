using System.Security.Cryptography;

namespace TruthGraph.Inference.UnitTests.Models;

/// <summary>The committed NLI head and its manifest agree with each other and with what the trainer promises.</summary>
public sealed class NliHeadManifestTests
{
    private static ModelManifest Head()
    {
        var catalog = new ModelCatalog(Options.Create(new InferenceOptions()));
        Assert.True(catalog.TryGet("nli-minilm-head", out var head));
        return head;
    }

    internal static string RepositoryFile(string relativePath) =>
        Path.Combine(TruthGraph.Inference.Bench.SharedData.RepositoryRoot()
            ?? throw new DirectoryNotFoundException("TruthGraph.sln not found above the test output folder."), relativePath);

    [Fact]
    public void The_head_manifest_describes_a_three_way_nli_head_on_the_minilm_encoder()
    {
        var head = Head();

        Assert.Equal(ModelTask.Nli, head.Task);
        Assert.Equal(NliArchitecture.BiEncoderHead, head.Architecture);
        Assert.Equal("all-minilm-l6-v2", head.Encoder);
        Assert.Equal(["entailment", "neutral", "contradiction"], head.Labels);
        Assert.Equal("entailment", head.LabelMapping!["SUPPORTS"]);
        Assert.Equal("contradiction", head.LabelMapping["REFUTES"]);
        Assert.Equal("neutral", head.LabelMapping["NOT_ENOUGH_INFO"]);
        Assert.Equal(["u", "v", "abs(u-v)", "u*v"], head.Features!.Layout);
        Assert.Equal(head.Features.Layout.Count * head.Features.EmbeddingDimensions, head.Features.Dimensions);
        Assert.Equal([-1L, head.Features.Dimensions], head.Onnx!.InputShape);
        Assert.Equal(3, head.LogProbOffsets!.Count);
        Assert.InRange(head.VerdictThresholds!.Support, 0.0, 1.0);
        Assert.InRange(head.VerdictThresholds.Refute, 0.0, 1.0);
    }

    [Fact]
    public void The_committed_head_file_matches_the_manifest_hash_and_stays_small()
    {
        var head = Head();
        var path = RepositoryFile(Path.Combine("models", head.Weights.Path!));

        var bytes = File.ReadAllBytes(path);

        Assert.Equal(head.Weights.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(head.Weights.Bytes, bytes.Length);
        Assert.True(bytes.Length < 5 * 1024 * 1024, $"the head is {bytes.Length} bytes");
    }

    [Fact]
    public void Nli_architectures_are_read_and_named_as_the_manifests_spell_them()
    {
        var catalog = new ModelCatalog(Options.Create(new InferenceOptions()));

        Assert.True(catalog.TryGet("nli-minilm-cross", out var cross));
        Assert.Equal(NliArchitecture.CrossEncoder, cross.Architecture);
        Assert.Equal(["bi-encoder-head", "cross-encoder"], Enum.GetValues<NliArchitecture>().Select(a => a.ManifestName()));
    }

    [Fact]
    public void The_encoder_manifest_still_loads_without_any_head_fields()
    {
        var catalog = new ModelCatalog(Options.Create(new InferenceOptions()));

        Assert.True(catalog.TryGet("all-minilm-l6-v2", out var encoder));
        Assert.Null(encoder.Architecture);
        Assert.Null(encoder.LogProbOffsets);
    }
}
