using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Embeddings;
using TruthGraph.Inference.Telemetry;

namespace TruthGraph.Inference.UnitTests.Cache;

public sealed class ModelCacheTests
{
    private static (ModelCache Cache, TextEmbedder Embedder, ServiceProvider Services) NewCache(InferenceOptions? options = null)
    {
        var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        // A folder of its own: a batch size applied from a sweep on this machine (tuned-batch-sizes.json) must not leak in.
        var settings = Options.Create(options ?? new InferenceOptions { Device = "cpu", ModelCacheDirectory = Directory.CreateTempSubdirectory("truthgraph-cache-test-").FullName });
        var telemetry = new InferenceTelemetry(services.GetRequiredService<IMeterFactory>());
        var cache = new ModelCache(new ModelCatalog(settings), [new EmbeddingModelLoader(settings, telemetry)], settings, telemetry,
            NullLogger<ModelCache>.Instance);
        return (cache, new TextEmbedder(cache, telemetry), services);
    }

    [Fact]
    public async Task Concurrent_first_requests_load_the_model_exactly_once()
    {
        var (cache, embedder, services) = NewCache();
        await using var _ = cache;
        using var __ = services;
        using var start = new ManualResetEventSlim();

        var requests = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await embedder.EmbedAsync(TestModels.MiniLm, [$"Concurrent request number {i}"], CancellationToken.None);
        })).ToArray();
        start.Set();
        var results = await Task.WhenAll(requests);

        var status = cache.Describe(TestModels.MiniLm);
        Assert.Equal(1, status.Stats.Loads);
        Assert.Equal(16, status.Stats.Requests);
        Assert.Equal(16, status.Stats.Items);
        Assert.All(results, r => Assert.Equal(384, r.Items.Single().Vector.Length));
        var models = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => cache.GetAsync(TestModels.MiniLm, CancellationToken.None)));
        Assert.All(models, m => Assert.Same(models[0], m));
    }

    [Fact]
    public async Task Unload_frees_the_model_and_the_next_request_loads_it_again()
    {
        var (cache, embedder, services) = NewCache();
        await using var _ = cache;
        using var __ = services;

        var before = await embedder.EmbedAsync(TestModels.MiniLm, ["Glaciers are retreating."], CancellationToken.None);
        Assert.True(await cache.UnloadAsync(TestModels.MiniLm));
        Assert.False(cache.Describe(TestModels.MiniLm).Loaded);
        Assert.Null(cache.Describe(TestModels.MiniLm).EstimatedBytes);
        Assert.False(await cache.UnloadAsync(TestModels.MiniLm));
        var after = await embedder.EmbedAsync(TestModels.MiniLm, ["Glaciers are retreating."], CancellationToken.None);

        Assert.Equal(2, cache.Describe(TestModels.MiniLm).Stats.Loads);
        Assert.Equal(before.Items[0].Vector, after.Items[0].Vector);
    }

    [Fact]
    public async Task Batch_size_set_at_run_time_is_used_and_survives_a_reload()
    {
        var (cache, embedder, services) = NewCache();
        await using var _ = cache;
        using var __ = services;

        await cache.GetAsync(TestModels.MiniLm, CancellationToken.None);
        Assert.Equal(16, cache.Describe(TestModels.MiniLm).BatchSize); // the CPU default
        cache.SetBatchSize(TestModels.MiniLm, 3);
        cache.SetMicroBatching(TestModels.MiniLm, false);
        var result = await embedder.EmbedAsync(TestModels.MiniLm, Enumerable.Range(0, 7).Select(i => $"text {i}").ToArray(), CancellationToken.None);
        await cache.UnloadAsync(TestModels.MiniLm);
        await cache.GetAsync(TestModels.MiniLm, CancellationToken.None);

        Assert.Equal(7, result.Items.Count);
        Assert.Equal(3, cache.Describe(TestModels.MiniLm).BatchSize);
        Assert.False(cache.Describe(TestModels.MiniLm).MicroBatching);
        Assert.Equal(1, cache.Describe(TestModels.MiniLm).Stats.Batches);
        Assert.Equal(3, cache.Describe(TestModels.MiniLm).Stats.Runs); // 7 texts, at most 3 per ONNX run
    }

    [Fact]
    public async Task Batch_size_precedence_holds_through_loads_settings_tuning_and_a_sweep()
    {
        var directory = Directory.CreateTempSubdirectory("truthgraph-cache-test-").FullName;
        var (cache, _, services) = NewCache(new InferenceOptions
        {
            Device = "cpu", ModelCacheDirectory = directory, BatchSizes = { [TestModels.MiniLm] = 8 },
        });
        await using var _ = cache;
        using var __ = services;
        BatchSizeChoice Now() => new(cache.Describe(TestModels.MiniLm).BatchSize, cache.Describe(TestModels.MiniLm).BatchSizeSource);
        async Task ReloadAsync()
        {
            await cache.UnloadAsync(TestModels.MiniLm);
            await cache.GetAsync(TestModels.MiniLm, CancellationToken.None);
        }

        Assert.Equal(new BatchSizeChoice(8, BatchSizeSource.Configured), Now()); // known before the first load
        await cache.GetAsync(TestModels.MiniLm, CancellationToken.None);
        Assert.Equal(new BatchSizeChoice(8, BatchSizeSource.Configured), Now()); // beats the CPU default of 16

        cache.SetBatchSize(TestModels.MiniLm, 3);
        await ReloadAsync();
        Assert.Equal(new BatchSizeChoice(3, BatchSizeSource.Runtime), Now());

        cache.ApplyTunedBatchSize(TestModels.MiniLm, "cuda", 64, "test"); // another device: kept for it, not used here
        Assert.Equal(new BatchSizeChoice(3, BatchSizeSource.Runtime), Now());
        cache.ApplyTunedBatchSize(TestModels.MiniLm, "cpu", 4, "test");
        Assert.Equal(new BatchSizeChoice(4, BatchSizeSource.Tuned), Now());

        using (cache.Runtime(TestModels.MiniLm).RunBatchSize.BeginSweepOverride(32))
        {
            Assert.Equal(new BatchSizeChoice(32, BatchSizeSource.Sweep), Now());
        }
        await ReloadAsync();
        Assert.Equal(new BatchSizeChoice(4, BatchSizeSource.Tuned), Now()); // read back from the tuned-batch-sizes file
    }

    [Fact]
    public async Task An_unknown_model_id_is_reported_as_not_found()
    {
        var (cache, embedder, services) = NewCache();
        await using var _ = cache;
        using var __ = services;

        var error = await Assert.ThrowsAsync<ModelNotFoundException>(() => embedder.EmbedAsync("nope", ["x"], CancellationToken.None));
        Assert.Equal("nope", error.ModelId);
    }

    [Fact]
    public async Task Cuda_requested_on_a_machine_without_cuda_leaves_the_service_healthy_on_cpu_and_says_why()
    {
        await using var host = await InferenceHost.StartAsync("Inference:Device=cuda");
        using var health = await host.WaitUntilHealthyAsync(TimeSpan.FromMinutes(2));
        using var models = (await host.Http.GetFromJsonAsync<JsonDocument>("/v1/models"))!;
        var minilm = models.RootElement.GetProperty("data").EnumerateArray().Single(m => m.GetProperty("id").GetString() == TestModels.MiniLm);
        using var embedded = await host.Http.PostAsJsonAsync("/v1/embeddings", new { input = "Still works on the CPU." });

        Assert.Equal("Healthy", health.RootElement.GetProperty("status").GetString());
        if (minilm.GetProperty("device").GetString() == "cuda")
        {
            return; // a machine with working CUDA: nothing to fall back from
        }
        Assert.Equal("cpu", minilm.GetProperty("device").GetString());
        var reason = minilm.GetProperty("deviceReason").GetString()!;
        Assert.Contains("Inference:Device=cuda", reason);
        Assert.Contains("CUDA execution provider failed", reason);
        Assert.True(reason.Length > 80, reason); // carries ONNX Runtime's own message
        embedded.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Health_is_unhealthy_until_the_warm_up_has_finished()
    {
        await using var host = await InferenceHost.StartAsync("Inference:Device=cpu");
        var early = await host.Http.GetAsync("/health");
        using var warm = await host.WaitUntilHealthyAsync(TimeSpan.FromMinutes(2));
        var cache = host.Services.GetRequiredService<ModelCache>();

        // The model is loaded by the time /health says healthy: readiness means warm.
        Assert.True(cache.Describe(TestModels.MiniLm).Loaded);
        Assert.Contains("warm", warm.RootElement.GetProperty("checks").GetProperty("models").GetProperty("description").GetString());
        if (!early.IsSuccessStatusCode)
        {
            Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, early.StatusCode);
        }
    }
}
