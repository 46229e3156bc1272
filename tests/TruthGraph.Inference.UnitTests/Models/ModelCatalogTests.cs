namespace TruthGraph.Inference.UnitTests.Models;

public sealed class ModelCatalogTests
{
    [Fact]
    public void The_shipped_manifest_describes_the_default_embedding_model()
    {
        var catalog = new ModelCatalog(Options.Create(new InferenceOptions()));

        Assert.True(catalog.TryGet("all-minilm-l6-v2", out var model));
        Assert.Equal(ModelTask.Embedding, model.Task);
        Assert.Equal(384, model.Dimensions);
        Assert.Equal("package-resource", model.Weights.Kind);
        Assert.Equal("mean", model.Pooling);
        Assert.NotEmpty(model.License);
    }

    [Fact]
    public void A_broken_manifest_is_reported_with_its_file_name()
    {
        var folder = Directory.CreateTempSubdirectory("truthgraph-manifests-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "broken.json"), "{ \"id\": ");
            var error = Assert.Throws<InvalidDataException>(() =>
                new ModelCatalog(Options.Create(new InferenceOptions { ModelsDirectory = folder })));
            Assert.Contains("broken.json", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_default_cross_encoder_runs_the_per_token_rewrite_and_an_unknown_rewrite_is_refused()
    {
        var catalog = new ModelCatalog(Options.Create(new InferenceOptions()));
        Assert.True(catalog.TryGet("nli-minilm-cross", out var cross));
        Assert.Equal("per-token", cross.CpuInt8Method);

        var folder = Directory.CreateTempSubdirectory("truthgraph-manifests-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "odd.json"), """
                { "id": "odd", "task": "nli", "license": "test", "cpuPrecision": "int8", "cpuInt8Method": "per-row",
                  "weights": { "kind": "file", "path": "x.onnx" }, "tokenizer": { "kind": "wordpiece", "vocab": { "kind": "file", "path": "v.txt" } } }
                """);
            var error = Assert.Throws<InvalidDataException>(() =>
                new ModelCatalog(Options.Create(new InferenceOptions { ModelsDirectory = folder })).TryGet("odd", out _));
            Assert.Contains("odd.json", error.Message);
            Assert.Contains("per-row", error.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
