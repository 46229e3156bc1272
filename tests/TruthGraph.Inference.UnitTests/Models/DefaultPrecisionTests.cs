using TruthGraph.Inference.Onnx.Quantization;

namespace TruthGraph.Inference.UnitTests.Models;

/// <summary>A manifest's <c>cpuPrecision</c>: INT8 where the model will run on the CPU, fp32 where CUDA may take it, the setting first.</summary>
public sealed class DefaultPrecisionTests
{
    private static readonly ModelManifest CrossEncoder = new()
    {
        Id = "cross", Task = ModelTask.Nli, License = "test", CpuPrecision = "int8",
        Weights = new ArtifactSource { Kind = "file", Path = "x.onnx" },
        Tokenizer = new TokenizerSpec { Kind = "wordpiece", Vocab = new ArtifactSource { Kind = "file", Path = "vocab.txt" } },
    };

    [Theory]
    [InlineData("cpu", false, "int8")]   // told to use the CPU
    [InlineData("auto", true, "int8")]   // auto, and CUDA cannot load here
    [InlineData("auto", false, "fp32")]  // auto on a machine with CUDA: the GPU runs fp32
    [InlineData("cuda", true, "fp32")]   // asked for CUDA: fp32 even if it then falls back
    public void The_manifest_default_follows_the_device(string device, bool cudaUnavailable, string expected)
    {
        var options = new InferenceOptions { Device = device };
        Assert.Equal(expected, options.PrecisionOf(CrossEncoder, () => cudaUnavailable).Name);
    }

    [Fact]
    public void A_configured_precision_wins_over_the_manifest_and_a_manifest_without_one_stays_fp32()
    {
        var options = new InferenceOptions { Device = "cpu" };
        options.Precision["cross"] = "fp32";
        Assert.Equal("fp32", options.PrecisionOf(CrossEncoder, () => true).Name);

        Assert.Equal("fp32", new InferenceOptions { Device = "cpu" }.PrecisionOf(CrossEncoder with { CpuPrecision = null }, () => true).Name);
    }

    [Fact]
    public void The_manifest_names_the_int8_rewrite_unless_the_setting_does()
    {
        var perToken = CrossEncoder with { CpuInt8Method = "per-token" };
        var cpu = new InferenceOptions { Device = "cpu" };
        Assert.Equal(QuantizationMethod.PerToken, cpu.PrecisionOf(perToken, () => true).Int8Method);
        // A manifest without one gets the service default.
        Assert.Equal(QuantizationMethods.Default, cpu.PrecisionOf(CrossEncoder, () => true).Int8Method);

        // Configured int8 for the model keeps the manifest's rewrite; Inference:Int8Method overrides it.
        var configured = new InferenceOptions { Device = "cpu" };
        configured.Precision["cross"] = "int8";
        Assert.Equal(QuantizationMethod.PerToken, configured.PrecisionOf(perToken, () => false).Int8Method);
        var overridden = new InferenceOptions { Device = "cpu", Int8Method = "dynamic" };
        Assert.Equal(QuantizationMethod.Dynamic, overridden.PrecisionOf(perToken, () => true).Int8Method);
    }
}
