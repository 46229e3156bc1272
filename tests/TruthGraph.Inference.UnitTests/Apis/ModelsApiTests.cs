using System.Security.Cryptography;
using System.Diagnostics;
using TruthGraph.Inference.Telemetry;

using TruthGraph.Inference.UnitTests.Models;

namespace TruthGraph.Inference.UnitTests.Apis;

/// <summary>Warm-up, unload and settings over HTTP, and the spans a request leaves. Own host: these change the model's state.</summary>
public sealed class ModelsApiTests
{
    [Fact]
    public async Task Default_warm_up_loads_the_catalogue_but_leaves_opt_in_models_cold()
    {
        await using var host = await InferenceHost.StartAsync("Inference:Device=cpu");
        (await host.WaitUntilHealthyAsync(TimeSpan.FromMinutes(2))).Dispose();

        Assert.True((await GetAsync(host, "/v1/models/all-minilm-l6-v2")).GetProperty("loaded").GetBoolean());
        Assert.True((await GetAsync(host, "/v1/models/nli-minilm-head")).GetProperty("loaded").GetBoolean());
        // The default NLI model is warm before /health says ready, and on the CPU it runs the INT8 rewrite its manifest asks for.
        var cross = await GetAsync(host, "/v1/models/nli-minilm-cross");
        Assert.True(cross.GetProperty("loaded").GetBoolean());
        Assert.Equal("int8", cross.GetProperty("precision").GetString());
    }

    [Fact]
    public async Task The_model_list_carries_the_accuracy_each_nli_manifest_records_none_for_the_embedder_and_a_revision_from_the_manifest()
    {
        await using var host = await InferenceHost.StartAsync("Inference:Device=cpu", "Inference:WarmUp=false");
        (await host.WaitUntilHealthyAsync(TimeSpan.FromMinutes(1))).Dispose();

        foreach (var (id, claimKey) in new[] { ("nli-minilm-head", "claimMacroF1"), ("nli-minilm-cross", "claimMacroF1GoldEvidence") })
        {
            var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(ModelManifestPath(id))).RootElement.GetProperty("metrics");
            var accuracy = (await GetAsync(host, $"/v1/models/{id}")).GetProperty("accuracy");
            var dev = manifest.GetProperty("climateFeverDev");
            Assert.Equal(dev.GetProperty("pairMacroF1").GetDouble(), accuracy.GetProperty("devPairMacroF1").GetDouble());
            Assert.Equal(dev.GetProperty(claimKey).GetDouble(), accuracy.GetProperty("devClaimMacroF1").GetDouble());
            Assert.Equal(dev.GetProperty("pairs").GetInt32(), accuracy.GetProperty("devPairs").GetInt32());
            Assert.Equal(manifest.GetProperty("snliTestSubset").GetProperty("accuracy").GetDouble(), accuracy.GetProperty("snliAccuracy").GetDouble());
        }
        var contrast = JsonDocument.Parse(await File.ReadAllTextAsync(ModelManifestPath("nli-minilm-cross"))).RootElement
            .GetProperty("metrics").GetProperty("contrastSet");
        var crossAccuracy = (await GetAsync(host, "/v1/models/nli-minilm-cross")).GetProperty("accuracy");
        Assert.Equal(contrast.GetProperty("accuracy").GetDouble(), crossAccuracy.GetProperty("contrastAccuracy").GetDouble());
        Assert.Equal(contrast.GetProperty("claims").GetInt32(), crossAccuracy.GetProperty("contrastClaims").GetInt32());
        Assert.Equal(JsonValueKind.Null, (await GetAsync(host, "/v1/models/all-minilm-l6-v2")).GetProperty("accuracy").ValueKind);

        // The revision follows the manifest's bytes and the precision served: the API keys its result cache by it.
        var manifestHash = Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(ModelManifestPath("nli-minilm-cross"))))[..16];
        var cross = await GetAsync(host, "/v1/models/nli-minilm-cross");
        Assert.Equal($"{manifestHash}-{cross.GetProperty("precision").GetString()}", cross.GetProperty("revision").GetString());
        Assert.NotEqual(cross.GetProperty("revision").GetString(), (await GetAsync(host, "/v1/models/nli-minilm-head")).GetProperty("revision").GetString());
    }

    private static string ModelManifestPath(string id) => NliHeadManifestTests.RepositoryFile(Path.Combine("models", $"{id}.json"));

    [Fact]
    public async Task Unload_warmup_and_settings_change_the_model_as_reported()
    {
        await using var host = await InferenceHost.StartAsync("Inference:Device=cpu", "Inference:WarmUp=false");
        (await host.WaitUntilHealthyAsync(TimeSpan.FromMinutes(1))).Dispose();

        var cold = await GetAsync(host, "/v1/models/all-minilm-l6-v2");
        Assert.Equal("not loaded", cold.GetProperty("state").GetString());

        var warm = await PostAsync(host, "/v1/models/all-minilm-l6-v2/warmup", new { });
        Assert.True(warm.GetProperty("loaded").GetBoolean());
        Assert.Equal(1, warm.GetProperty("stats").GetProperty("loads").GetInt64());

        var tuned = await PostAsync(host, "/v1/models/all-minilm-l6-v2/settings", new { batchSize = 5, microBatching = false });
        Assert.Equal(5, tuned.GetProperty("batchSize").GetInt32());
        Assert.False(tuned.GetProperty("microBatching").GetBoolean());

        var unloaded = await PostAsync(host, "/v1/models/all-minilm-l6-v2/unload", new { });
        Assert.False(unloaded.GetProperty("loaded").GetBoolean());
        Assert.Equal(JsonValueKind.Null, unloaded.GetProperty("memoryBytes").ValueKind);
        Assert.Equal(5, unloaded.GetProperty("batchSize").GetInt32());

        using var bad = await host.Http.PostAsJsonAsync("/v1/models/all-minilm-l6-v2/settings", new { batchSize = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var unknown = await host.Http.PostAsJsonAsync("/v1/models/nope/unload", new { });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_request_leaves_a_batch_span_with_model_size_tokens_queue_wait_and_device()
    {
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == InferenceTelemetry.EmbedName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (spans) { spans.Add(activity); } },
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = await InferenceHost.StartAsync("Inference:Device=cpu");
        (await host.WaitUntilHealthyAsync(TimeSpan.FromMinutes(1))).Dispose();

        using var response = await host.Http.PostAsJsonAsync("/v1/embeddings", new { input = new[] { "Ice sheets are melting.", "CO2 traps heat." } });
        response.EnsureSuccessStatusCode();

        Activity batch;
        lock (spans)
        {
            batch = spans.Last(s => s.OperationName == "embed batch" && (int)s.GetTagItem("truthgraph.batch.size")! == 2);
            Assert.Contains(spans, s => s.OperationName == "embed request" && s.GetTagItem("truthgraph.queue.wait_ms") is double);
        }
        Assert.Equal("all-minilm-l6-v2", batch.GetTagItem("truthgraph.model"));
        Assert.Equal("cpu", batch.GetTagItem("truthgraph.device"));
        Assert.True((long)batch.GetTagItem("truthgraph.batch.tokens")! >= 10);
        Assert.IsType<double>(batch.GetTagItem("truthgraph.queue.wait_ms"));
    }

    private static async Task<JsonElement> GetAsync(InferenceHost host, string path)
    {
        using var body = (await host.Http.GetFromJsonAsync<JsonDocument>(path))!;
        return body.RootElement.Clone();
    }

    private static async Task<JsonElement> PostAsync(InferenceHost host, string path, object payload)
    {
        using var response = await host.Http.PostAsJsonAsync(path, payload);
        response.EnsureSuccessStatusCode();
        using var body = (await response.Content.ReadFromJsonAsync<JsonDocument>())!;
        return body.RootElement.Clone();
    }
}
