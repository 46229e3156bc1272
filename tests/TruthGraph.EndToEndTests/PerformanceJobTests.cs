namespace TruthGraph.EndToEndTests;

/// <summary>
/// Performance jobs through the real services: an e2e run whose stages add up, sweeps that conflict, cancel and apply,
/// and a profile whose CPU samples download as a speedscope file.
/// </summary>
public sealed class PerformanceJobTests(PerformanceAppFixture fixture, ITestOutputHelper output) : IClassFixture<PerformanceAppFixture>
{
    private const string Model = "all-minilm-l6-v2";
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task An_e2e_run_breaks_verify_time_into_stages_that_add_up_to_its_total_and_checks_the_targets()
    {
        var verificationsBefore = await fixture.ScalarAsync<long>("SELECT count(*) FROM verifications");
        var job = await fixture.StartAsync("/api/perf-runs", new { claims = 4, topK = 5, repetitions = 2, throughputTexts = 32 });
        var id = job.GetProperty("id").GetString()!;
        var events = await fixture.FollowAsync("/api/perf-runs", id, JobTimeout);

        // A stream starts from where the job stands (a replica starts a queued job at once), so which phases it shows
        // depends on when it connected; what it shows must be progress that only moves forward.
        var progress = events.Where(e => e.Type == "progress").Select(e => e.Data.GetProperty("percent").GetDouble()).ToList();
        Assert.NotEmpty(progress);
        Assert.Equal(progress.Order(), progress);
        var finished = events.Last();
        Assert.Equal("finished", finished.Type);
        Assert.Equal("completed", finished.Data.GetProperty("status").GetString());

        var stored = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/perf-runs/{id}");
        Assert.Equal("completed", stored.GetProperty("status").GetString());
        var report = stored.GetProperty("result");
        output.WriteLine(report.ToString());
        Assert.Equal(8, report.GetProperty("calls").GetInt32());
        Assert.Equal(5.0, report.GetProperty("evidencePerClaim").GetDouble());

        // The six stages (embed, retrieve, NLI, aggregate, database, overhead) account for the clock around the calls.
        var stages = report.GetProperty("stages").EnumerateArray().ToDictionary(s => s.GetProperty("stage").GetString()!);
        Assert.Equal(["embed", "retrieve", "nli", "aggregate", "database", "overhead"], stages.Keys);
        Assert.All(["embed", "retrieve", "nli", "database"], s => Assert.True(stages[s].GetProperty("meanMs").GetDouble() > 0, s));
        var stagesTotal = stages.Values.Sum(s => s.GetProperty("totalMs").GetDouble());
        var wall = report.GetProperty("consistency").GetProperty("wallMs").GetDouble();
        Assert.InRange(Math.Abs(stagesTotal - wall) / wall, 0, 0.05);
        var total = report.GetProperty("total");
        Assert.InRange(stages.Values.Sum(s => s.GetProperty("meanMs").GetDouble()), 0.95 * total.GetProperty("meanMs").GetDouble(), 1.05 * total.GetProperty("meanMs").GetDouble());
        Assert.InRange(stages.Values.Sum(s => s.GetProperty("share").GetDouble()), 0.99, 1.01);
        Assert.True(total.GetProperty("p95Ms").GetDouble() >= total.GetProperty("medianMs").GetDouble());

        var targets = report.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal(5, targets.Count);
        Assert.All(targets, t => Assert.True(t.GetProperty("measured").GetDouble() > 0, t.GetProperty("name").GetString()));
        Assert.Equal(targets.All(t => t.GetProperty("met").GetBoolean()), report.GetProperty("allTargetsMet").GetBoolean());
        Assert.True(report.GetProperty("memory").GetProperty("inferenceWorkingSetBytes").GetInt64() > 100_000_000);

        // The run's own verifications are not left in the user's history.
        Assert.Equal(verificationsBefore, await fixture.ScalarAsync<long>("SELECT count(*) FROM verifications"));
        var listed = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/perf-runs?limit=5");
        Assert.Contains(listed.EnumerateArray(), j => j.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task A_second_sweep_of_a_model_gets_409_and_a_cancelled_sweep_ends_within_two_seconds_as_cancelled()
    {
        var first = await fixture.StartAsync("/api/sweeps", new { model = Model, batchSizes = new[] { 1, 2, 4, 8, 16, 32 }, secondsPerStep = 10 });
        var id = first.GetProperty("id").GetString()!;

        using (var second = await fixture.Api.PostAsJsonAsync("/api/sweeps", new { model = Model }))
        {
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
            Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
            var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(409, problem.GetProperty("status").GetInt32());
            Assert.Equal(id, problem.GetProperty("activeJob").GetString());
        }

        // Cancel once it is measuring (inside a 10-second step), not while it is still queued.
        using (var wait = new CancellationTokenSource(JobTimeout))
        {
            while ((await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/sweeps/{id}", wait.Token)).GetProperty("progress") is var p
                   && (p.ValueKind != JsonValueKind.Object || !p.GetProperty("phase").GetString()!.StartsWith("batch", StringComparison.Ordinal)))
            {
                await Task.Delay(100, wait.Token);
            }
        }
        var clock = Stopwatch.StartNew();
        using var cancel = await fixture.Api.DeleteAsync($"/api/sweeps/{id}");
        var status = (await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/sweeps/{id}")).GetProperty("status").GetString();
        var elapsed = clock.Elapsed;
        output.WriteLine($"DELETE answered {(int)cancel.StatusCode}; status {status} after {elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Equal("cancelled", status);
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"took {elapsed.TotalMilliseconds:F0} ms");
        Assert.Equal("cancelled", await fixture.ScalarAsync<string>("SELECT status FROM perf_jobs WHERE id = @id", ("id", Guid.Parse(id))));
        using (var again = await fixture.Api.DeleteAsync($"/api/sweeps/{id}"))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        // The model is free again: a short sweep runs, and its recommendation is applied through the API.
        var next = await fixture.StartAsync("/api/sweeps", new { model = Model, batchSizes = new[] { 2, 4 }, secondsPerStep = 0.2, texts = 64 });
        var nextId = next.GetProperty("id").GetString()!;
        var events = await fixture.FollowAsync("/api/sweeps", nextId, JobTimeout);
        // Each measured batch size is sent as it completes (this stream may have joined after the first).
        Assert.Contains(events, e => e.Type == "progress" && e.Data.TryGetProperty("data", out var step) && step.ValueKind == JsonValueKind.Object
                                     && step.GetProperty("itemsPerSecond").GetDouble() > 0);
        Assert.Equal("completed", events.Last().Data.GetProperty("status").GetString());
        var sweep = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/sweeps/{nextId}");
        Assert.Equal(2, sweep.GetProperty("result").GetProperty("steps").GetArrayLength());
        var recommended = sweep.GetProperty("result").GetProperty("recommendation").GetProperty("batchSize").GetInt32();

        using var applied = await fixture.Api.PostAsJsonAsync($"/api/sweeps/{nextId}/apply", new { });
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        Assert.Equal(recommended, (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("appliedBatchSize").GetInt32());
        var model = await fixture.Inference.GetFromJsonAsync<JsonElement>($"/v1/models/{Model}");
        Assert.Equal(recommended, model.GetProperty("batchSize").GetInt32());
        Assert.Equal("tuned", model.GetProperty("batchSizeSource").GetString());
    }

    [Fact]
    public async Task A_profile_reports_components_and_bottlenecks_and_its_cpu_samples_download_as_speedscope()
    {
        var job = await fixture.StartAsync("/api/profiles", new { secondsPerComponent = 0.2, sampleSeconds = 1.5, claims = 2, texts = 32 });
        var id = job.GetProperty("id").GetString()!;
        var events = await fixture.FollowAsync("/api/profiles", id, JobTimeout);
        Assert.Equal("completed", events.Last().Data.GetProperty("status").GetString());

        var report = (await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/profiles/{id}")).GetProperty("result");
        Assert.Equal([Model, "nli-minilm-cross"], report.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("model").GetString()));
        var local = report.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("component").GetString()!).ToList();
        Assert.Contains(local, c => c.StartsWith("retrieval", StringComparison.Ordinal));
        Assert.Contains(local, c => c.StartsWith("aggregation", StringComparison.Ordinal));
        Assert.Equal(6, report.GetProperty("verifyStages").GetArrayLength());
        var advice = report.GetProperty("recommendations").EnumerateArray().ToList();
        Assert.Contains(advice, a => a.GetProperty("area").GetString() == "verify" && a.GetProperty("basis").EnumerateObject().Any());

        using var trace = await fixture.Api.GetAsync($"/api/profiles/{id}/trace");
        Assert.Equal(HttpStatusCode.OK, trace.StatusCode);
        using var speedscope = JsonDocument.Parse(await trace.Content.ReadAsByteArrayAsync());
        Assert.Equal("https://www.speedscope.app/file-format-schema.json", speedscope.RootElement.GetProperty("$schema").GetString());
        Assert.Contains(speedscope.RootElement.GetProperty("shared").GetProperty("frames").EnumerateArray(),
            f => f.GetProperty("name").GetString()!.Contains("!TruthGraph.Inference.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_job_requests_get_400_problems_naming_the_field_and_unknown_ids_404()
    {
        var cases = new (string Route, object Body, string Field)[]
        {
            ("/api/sweeps", new { batchSizes = new[] { 3 } }, "batchSizes"),
            ("/api/sweeps", new { model = "no-such-model" }, "model"),
            ("/api/sweeps", new { memoryLimitMiB = 100, memoryHeadroomMiB = 10 }, "memoryHeadroomMiB"),
            ("/api/perf-runs", new { claims = 101 }, "claims"),
            ("/api/perf-runs", new { topK = 0 }, "topK"),
            ("/api/perf-runs", new { targets = new { verifyP50Ms = -1 } }, "targets.verifyP50Ms"),
            ("/api/profiles", new { models = new[] { "nope" } }, "models"),
            ("/api/profiles", new { sampleSeconds = 0.1 }, "sampleSeconds"),
        };
        var before = await fixture.ScalarAsync<long>("SELECT count(*) FROM perf_jobs");
        foreach (var (route, body, field) in cases)
        {
            using var response = await fixture.Api.PostAsJsonAsync(route, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{route}: {problem}");
        }
        Assert.Equal(before, await fixture.ScalarAsync<long>("SELECT count(*) FROM perf_jobs"));
        using var missing = await fixture.Api.GetAsync($"/api/sweeps/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var missingCancel = await fixture.Api.DeleteAsync($"/api/perf-runs/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missingCancel.StatusCode);
    }
}
