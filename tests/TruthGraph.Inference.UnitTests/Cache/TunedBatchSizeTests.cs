namespace TruthGraph.Inference.UnitTests.Cache;

/// <summary>A sweep's recommendation applied through <c>/v1/models/{id}/tuned-batch-size</c>: used at once, and after a restart.</summary>
[Collection(MeasurementCollection.Name)]
public sealed class TunedBatchSizeTests : IDisposable
{
    private const string Model = "all-minilm-l6-v2";
    private readonly string _cache = Directory.CreateTempSubdirectory("truthgraph-tuned-test-").FullName;

    private Task<InferenceHost> StartAsync() =>
        InferenceHost.StartAsync("Inference:Device=cpu", "Inference:WarmUp=false", $"Inference:ModelCacheDirectory={_cache}");

    [Fact]
    public async Task An_applied_recommendation_sets_the_batch_size_of_the_next_requests_and_survives_a_restart()
    {
        var texts = SharedData.ClimateFeverEvidence().Take(64).ToList();
        int recommended;
        await using (var host = await StartAsync())
        {
            Assert.Equal(4, await OnnxRunsForAsync(host, texts)); // CPU default 16: 64 texts in 4 runs
            using var sweep = await host.Http.PostAsJsonAsync("/v1/sweeps", new { model = Model, texts, batchSizes = new[] { 2, 4 }, secondsPerStep = 0.2 });
            var report = (await SseStream.ReadAllAsync(sweep)).Single(e => e.Type == "result").Data;
            recommended = report.GetProperty("recommendation").GetProperty("batchSize").GetInt32();
            Assert.Contains(recommended, new[] { 2, 4 });
            Assert.Equal(16, (await ModelAsync(host)).GetProperty("batchSize").GetInt32()); // the sweep put its sizes back

            using var applied = await host.Http.PostAsJsonAsync($"/v1/models/{Model}/tuned-batch-size", new { batchSize = recommended, device = "cpu", source = "test sweep" });
            Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
            var model = await applied.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(recommended, model.GetProperty("batchSize").GetInt32());
            Assert.Equal("tuned", model.GetProperty("batchSizeSource").GetString());
            Assert.Equal(64 / recommended, await OnnxRunsForAsync(host, texts));
        }
        Assert.True(File.Exists(Path.Combine(_cache, "tuned-batch-sizes.json")));

        await using (var restarted = await StartAsync())
        {
            Assert.Equal(64 / recommended, await OnnxRunsForAsync(restarted, texts));
            var model = await ModelAsync(restarted);
            Assert.Equal(recommended, model.GetProperty("batchSize").GetInt32());
            Assert.Equal("tuned", model.GetProperty("batchSizeSource").GetString());
            Assert.Equal("test sweep", model.GetProperty("tunedBatchSizes").GetProperty("cpu").GetProperty("source").GetString());

            using var bad = await restarted.Http.PostAsJsonAsync($"/v1/models/{Model}/tuned-batch-size", new { batchSize = 0, device = "gpu" });
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty("batchSize", out _));
            Assert.True(problem.GetProperty("errors").TryGetProperty("device", out _));
        }
    }

    /// <summary>ONNX Runtime runs one embedding request of these texts took: the texts over the batch size in use.</summary>
    private static async Task<long> OnnxRunsForAsync(InferenceHost host, IReadOnlyList<string> texts)
    {
        var before = await RunsAsync(host);
        using var response = await host.Http.PostAsJsonAsync("/v1/embeddings", new { input = texts, model = Model });
        response.EnsureSuccessStatusCode();
        return await RunsAsync(host) - before;
    }

    private static async Task<long> RunsAsync(InferenceHost host) =>
        (await ModelAsync(host)).GetProperty("stats").GetProperty("runs").GetInt64();

    private static async Task<JsonElement> ModelAsync(InferenceHost host) =>
        await host.Http.GetFromJsonAsync<JsonElement>($"/v1/models/{Model}");

    public void Dispose() => Directory.Delete(_cache, recursive: true);
}
