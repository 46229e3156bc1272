namespace TruthGraph.Inference.UnitTests.Hosting;

/// <summary>
/// A model file that is damaged or gone: the service stays up, says it is not ready and why, serves the models that
/// are fine, and answers requests for the broken one with 503 and the reason.
/// </summary>
public sealed class DamagedModelFileTests : IDisposable
{
    private const string HeadFile = "nli-minilm-head.onnx";
    private readonly string _models = Path.Combine(Path.GetTempPath(), $"truthgraph-models-{Guid.NewGuid():N}");

    public DamagedModelFileTests()
    {
        Directory.CreateDirectory(_models);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "models")))
        {
            File.Copy(file, Path.Combine(_models, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_models, recursive: true);

    [Fact]
    public async Task A_corrupt_head_makes_the_service_not_ready_with_the_sha256_reason_while_embeddings_still_work()
    {
        var path = Path.Combine(_models, HeadFile);
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(path, bytes);

        await using var host = await InferenceHost.StartAsync("Inference:Device=cpu", $"Inference:ModelsDirectory={_models}");
        var reason = await WaitUntilFailedAsync(host);
        Assert.Contains("nli-minilm-head", reason);
        Assert.Contains("sha256", reason);

        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/alive")).StatusCode);
        using var embed = await host.Http.PostAsJsonAsync("/v1/embeddings", new { input = "Still served." });
        Assert.Equal(HttpStatusCode.OK, embed.StatusCode);

        using var nli = await host.Http.PostAsJsonAsync("/v1/nli", new { pairs = new[] { new { premise = "A.", hypothesis = "B." } }, model = "nli-minilm-head" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, nli.StatusCode);
        var problem = await nli.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("nli-minilm-head", problem.GetProperty("model").GetString());
        Assert.Contains("damaged", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_missing_head_makes_the_service_not_ready_naming_the_missing_file()
    {
        File.Delete(Path.Combine(_models, HeadFile));

        await using var host = await InferenceHost.StartAsync("Inference:Device=cpu", $"Inference:ModelsDirectory={_models}");
        var reason = await WaitUntilFailedAsync(host);
        Assert.Contains("nli-minilm-head", reason);
        Assert.Contains($"{HeadFile} is missing", reason);

        using var nli = await host.Http.PostAsJsonAsync("/v1/nli", new { pairs = new[] { new { premise = "A.", hypothesis = "B." } }, model = "nli-minilm-head" });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, nli.StatusCode);
        Assert.Contains("is missing", (await nli.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    /// <summary>Polls /health until the warm-up has given up; returns the models check's description.</summary>
    private static async Task<string> WaitUntilFailedAsync(InferenceHost host)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            using var response = await host.Http.GetAsync("/health", cts.Token);
            var health = await response.Content.ReadFromJsonAsync<JsonElement>(cts.Token);
            var models = health.GetProperty("checks").GetProperty("models");
            var description = models.GetProperty("description").GetString() ?? "";
            if (description.Contains("failed", StringComparison.Ordinal))
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal("Unhealthy", models.GetProperty("status").GetString());
                return description;
            }
            Assert.NotEqual("Healthy", models.GetProperty("status").GetString());
            await Task.Delay(100, cts.Token);
        }
    }
}
