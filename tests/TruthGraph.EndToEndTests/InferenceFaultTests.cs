namespace TruthGraph.EndToEndTests;

/// <summary>
/// The inference service really stopped, and its model file really damaged or removed: the API answers 503 problems
/// quickly and recovers when inference is back; a bad model file makes inference report "not ready" and why, while
/// the API and the dashboard stay up.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class InferenceFaultTests(FaultAppFixture fixture, ITestOutputHelper output)
{
    private const string HeadFile = "nli-minilm-head.onnx";
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Stopping_inference_gives_quick_503s_from_the_api_which_recovers_when_it_restarts()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await fixture.WaitForIdleIngestionAsync(cts.Token);
        var clock = Stopwatch.StartNew();
        var during = new List<ProbeResult>();
        var statusDuring = new List<ProbeResult>();
        var (_, restartedAt, healthyAt) = await fixture.App.DuringOutageAsync("inference", clock, async stoppedAt =>
        {
            output.WriteLine($"inference stopped at {stoppedAt:F2} s");
            for (var i = 0; i < 6; i++)
            {
                during.Add(await FaultProbe.VerifyAsync(fixture.Api, clock, $"Arctic sea ice is shrinking ({Guid.NewGuid():N})."));
                statusDuring.Add(await FaultProbe.GetAsync(fixture.Api, clock, "/api/status"));
            }
        }, cts.Token);
        output.WriteLine(string.Join(Environment.NewLine, during));
        var recovery = await FaultProbe.UntilOkAsync(
            () => FaultProbe.VerifyAsync(fixture.Api, clock, $"Arctic sea ice is shrinking ({Guid.NewGuid():N})."), TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(200));
        output.WriteLine($"inference started at {restartedAt:F2} s, healthy at {healthyAt:F2} s; verify answered 200 at {recovery[^1].AnsweredAtSeconds:F2} s after {recovery.Count - 1} more failures");
        output.WriteLine($"METRIC inference-stopped 503-latency-ms p50={during.Select(d => d.Milliseconds).Order().ElementAt(during.Count / 2):F1} max={during.Max(d => d.Milliseconds):F1} n={during.Count}; start-to-healthy-s={healthyAt - restartedAt:F2}; verify-ok-after-healthy-s={recovery[^1].AnsweredAtSeconds - healthyAt:F2}");

        Assert.All(during, a =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Status);
            Assert.InRange(a.Milliseconds, 0, Quick.TotalMilliseconds);
            Assert.Contains("inference", a.Json!.Value.GetProperty("title").GetString());
        });
        // The API itself stays up: what needs only the database still answers.
        Assert.All(statusDuring, a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.InRange(recovery[^1].AnsweredAtSeconds - healthyAt, 0, 10);
    }

    [Fact]
    public async Task A_corrupt_or_missing_model_file_makes_inference_not_ready_with_the_reason_while_the_others_stay_up()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await fixture.WaitForIdleIngestionAsync(cts.Token);
        var path = Path.Combine(fixture.ModelsDirectory, HeadFile);
        var original = await File.ReadAllBytesAsync(path, cts.Token);
        try
        {
            var corrupt = original.ToArray();
            corrupt[corrupt.Length / 2] ^= 0xFF;
            await File.WriteAllBytesAsync(path, corrupt, cts.Token);
            var reason = await RestartInferenceUntilNotReadyAsync(cts.Token);
            Assert.Contains("nli-minilm-head", reason);
            Assert.Contains("sha256", reason);
            await AssertOthersStayUpAsync("damaged", cts.Token);

            File.Delete(path);
            reason = await RestartInferenceUntilNotReadyAsync(cts.Token);
            Assert.Contains($"{HeadFile} is missing", reason);
            await AssertOthersStayUpAsync("is missing", cts.Token);
        }
        finally
        {
            await File.WriteAllBytesAsync(path, original, CancellationToken.None);
            await fixture.App.StopAsync("inference", CancellationToken.None);
            await fixture.App.EnsureRunningAsync("inference");
        }
        var clock = Stopwatch.StartNew();
        var recovered = await FaultProbe.UntilOkAsync(
            () => FaultProbe.VerifyAsync(fixture.Api, clock, $"Coral reefs are bleaching ({Guid.NewGuid():N})."), TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(200));
        output.WriteLine($"restored: verify 200 after {recovered.Count - 1} failures");
    }

    /// <summary>Restarts inference and polls its /health until the warm-up gives up; returns the reason it reports.</summary>
    private async Task<string> RestartInferenceUntilNotReadyAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await fixture.App.StopAsync("inference", cancellationToken);
        await fixture.App.StartAsync("inference", cancellationToken);
        using var inference = fixture.App.CreateHttpClient("inference");
        while (true)
        {
            var answer = await FaultProbe.GetAsync(inference, clock, "/health");
            if (answer.Json is { } health && health.GetProperty("checks").GetProperty("models") is var models
                && models.GetProperty("description").GetString() is { } description && description.Contains("failed", StringComparison.Ordinal))
            {
                output.WriteLine($"inference not ready {clock.Elapsed.TotalSeconds:F2} s after the restart began: {description}");
                output.WriteLine($"METRIC model-fault restart-to-not-ready-s={clock.Elapsed.TotalSeconds:F2}");
                Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
                Assert.Equal("Unhealthy", models.GetProperty("status").GetString());
                using var alive = await inference.GetAsync("/alive", cancellationToken);
                Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
                return description;
            }
            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>
    /// The API and the dashboard keep answering; a verification that needs the broken model (the head, asked for by name:
    /// the default cross-encoder is unharmed and still serves) fails with 503 and inference's reason, and stores nothing.
    /// </summary>
    private async Task AssertOthersStayUpAsync(string reason, CancellationToken cancellationToken)
    {
        foreach (var resource in new[] { "api", "web" })
        {
            using var client = fixture.App.CreateHttpClient(resource);
            using var health = await client.GetAsync("/health", cancellationToken);
            Assert.True(health.StatusCode == HttpStatusCode.OK, $"{resource} /health: {(int)health.StatusCode} {await health.Content.ReadAsStringAsync(cancellationToken)}");
        }
        var rows = await fixture.ScalarAsync("SELECT count(*) FROM verifications");
        using var verify = await fixture.Api.PostAsJsonAsync("/api/verify", new { claim = $"Coral reefs are bleaching ({Guid.NewGuid():N}).", nliModel = "nli-minilm-head" }, cancellationToken);
        var problem = await verify.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        output.WriteLine(problem.ToString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, verify.StatusCode);
        Assert.Contains("nli-minilm-head", problem.GetProperty("detail").GetString());
        Assert.Contains(reason, problem.GetProperty("detail").GetString());
        Assert.Equal(rows, await fixture.ScalarAsync("SELECT count(*) FROM verifications"));
    }
}
