namespace TruthGraph.Inference.UnitTests.Models;

/// <summary>Why a model cannot load names the first missing part: weights, then adapter, then vocabulary.</summary>
public sealed class ModelAvailabilityTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("truthgraph-availability-").FullName;

    private ModelManifest Manifest(bool withAdapter) => new()
    {
        Id = "tiny",
        Task = ModelTask.Nli,
        License = "test",
        Weights = new ArtifactSource { Kind = "file", Path = File(Path.Combine(_folder, "tiny.onnx")) },
        Adapter = withAdapter ? new ArtifactSource { Kind = "file", Path = Path.Combine(_folder, "tiny.safetensors") } : null,
        Tokenizer = new TokenizerSpec { Kind = "wordpiece", Vocab = new ArtifactSource { Kind = "file", Path = File(Path.Combine(_folder, "vocab.txt")) } },
    };

    private static string File(string path)
    {
        System.IO.File.WriteAllText(path, "x");
        return path;
    }

    [Fact]
    public void A_missing_adapter_is_the_reason_when_weights_and_vocabulary_are_there()
    {
        Assert.Null(ArtifactLoader.WhyUnavailable(Manifest(withAdapter: false), _folder));
        var reason = ArtifactLoader.WhyUnavailable(Manifest(withAdapter: true), _folder);
        Assert.Equal($"file {Path.Combine(_folder, "tiny.safetensors")} is missing", reason);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
