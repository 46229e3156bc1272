using Xunit.Abstractions;

namespace TruthGraph.Inference.UnitTests.Profiling;

/// <summary>Batch-size sweeps through <c>POST /v1/sweeps</c> on the real MiniLM model (CPU).</summary>
[Collection(MeasurementCollection.Name)]
public sealed class SweepTests(ITestOutputHelper output)
{
    private const string Model = "all-minilm-l6-v2";

    /// <summary>Texts of about 250 tokens: activation memory grows fast with the batch, so a modest limit is reached early.</summary>
    internal static List<string> LongTexts(int count)
    {
        var sentences = SharedData.ClimateFeverEvidence();
        return Enumerable.Range(0, count).Select(i => string.Join(' ', sentences.Skip(i * 9).Take(9))).ToList();
    }

    [Fact]
    public async Task A_sweep_under_a_memory_limit_lower_than_its_largest_batch_stops_before_the_limit_and_says_why()
    {
        await using var host = await InferenceHost.StartAsync("Inference:Device=cpu", "Inference:WarmUp=false");
        var sizes = new[] { 1, 2, 4, 8, 16, 32, 64, 128 };
        using var response = await host.Http.PostAsJsonAsync("/v1/sweeps", new
        {
            model = Model, texts = LongTexts(48), batchSizes = sizes, memoryHeadroomBytes = 200L * 1024 * 1024, secondsPerStep = 0.2,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = await SseStream.ReadAllAsync(response);
        var report = events.Single(e => e.Type == "result").Data;
        output.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));

        var limit = report.GetProperty("memoryLimitBytes").GetInt64();
        var steps = report.GetProperty("steps").EnumerateArray().ToList();
        Assert.NotEmpty(steps);
        Assert.True(steps.Count < sizes.Length, "the largest batch must not have run");
        Assert.All(steps, s => Assert.True(s.GetProperty("peakMemoryBytes").GetInt64() <= limit, "a step crossed the limit"));
        Assert.All(steps, s => Assert.False(s.GetProperty("crossedLimit").GetBoolean()));
        var reason = report.GetProperty("stopReason").GetString()!;
        Assert.Contains("limit", reason);
        Assert.Contains($"batch {sizes[steps.Count]}", reason);
        Assert.Equal(steps.Count, events.Count(e => e.Type == "progress" && e.Data.TryGetProperty("step", out var step) && step.ValueKind == JsonValueKind.Object));
        Assert.Contains(reason, report.GetProperty("recommendation").GetProperty("justification").GetString());
    }

    [Fact]
    public async Task Bad_sweep_and_profile_requests_get_a_400_naming_the_field_and_the_endpoints_are_documented()
    {
        await using var host = await InferenceHost.StartAsync("Inference:Device=cpu", "Inference:WarmUp=false");
        var cases = new (string Path, object Body, string Field)[]
        {
            ("/v1/sweeps", new { model = Model }, "texts"),
            ("/v1/sweeps", new { model = Model, texts = new[] { "a" }, batchSizes = new[] { 3 } }, "batchSizes"),
            ("/v1/sweeps", new { model = Model, texts = new[] { "a", " " } }, "texts[1]"),
            ("/v1/sweeps", new { model = Model, texts = new[] { "a" }, memoryLimitBytes = -5 }, "memoryLimitBytes"),
            ("/v1/sweeps", new { model = Model, texts = new[] { "a" }, secondsPerStep = 0 }, "secondsPerStep"),
            ("/v1/sweeps", new { model = Model, texts = new[] { "a" }, minBatchSize = 16, maxBatchSize = 8 }, "maxBatchSize"),
            ("/v1/sweeps", new { model = Model, texts = new[] { "a" }, batchSizes = new[] { 2 }, minBatchSize = 1 }, "batchSizes"),
            ("/v1/profiles", new { texts = new[] { "a" }, sampleSeconds = 100 }, "sampleSeconds"),
        };
        foreach (var (path, body, field) in cases)
        {
            using var response = await host.Http.PostAsJsonAsync(path, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{path}: {problem}");
        }
        using var unknown = await host.Http.PostAsJsonAsync("/v1/sweeps", new { model = "nope", texts = new[] { "a" } });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        using var document = await host.Http.GetFromJsonAsync<JsonDocument>("/openapi/v1.json");
        foreach (var path in new[] { "/v1/sweeps", "/v1/profiles", "/v1/runtime", "/v1/models/{id}/tuned-batch-size" })
        {
            Assert.True(document!.RootElement.GetProperty("paths").TryGetProperty(path, out _), path);
        }
    }
}
