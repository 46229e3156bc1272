using TruthGraph.CrossEncoderTraining.Native;

namespace TruthGraph.CrossEncoderTraining.Tests;

/// <summary>The libstdc++ version workaround edits exactly the flags it names, on a copy.</summary>
public sealed class NativeBridgeTests
{
    [Fact]
    public void Marking_a_needed_version_weak_sets_only_that_flag_and_is_idempotent()
    {
        var bridge = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        var original = File.ReadAllBytes(bridge);
        var image = (byte[])original.Clone();

        // GLIBCXX_3.4.19 is needed by the bridge and provided everywhere: a safe name to mark in a copy.
        var marked = ElfVersionNeeds.MarkWeak(image, name => name == "GLIBCXX_3.4.19");

        Assert.Equal(["GLIBCXX_3.4.19"], marked);
        Assert.Equal(1, original.Zip(image).Count(p => p.First != p.Second));
        Assert.Empty(ElfVersionNeeds.MarkWeak(image, name => name == "GLIBCXX_3.4.19"));
    }

    [Fact]
    public void Libtorch_loads_with_or_without_the_workaround()
    {
        LibTorchNative.EnsureLoaded();
        Assert.StartsWith("loaded", LibTorchNative.Status);
        using var sum = TorchSharp.torch.ones(3).sum();
        Assert.Equal(3f, sum.item<float>());
    }

    [Fact]
    public void This_libstdcxx_provides_the_versions_the_loader_checks_against()
    {
        var provided = LibStdCxxVersions.Provided();
        Assert.Contains("GLIBCXX_3.4.19", provided);
    }

}
