namespace TruthGraph.EndToEndTests;

/// <summary>
/// PostgreSQL really stopped (its process, through the AppHost) while an ingestion runs and while verifications are
/// under load: the API answers 503 problems quickly, recovers by itself when PostgreSQL is back, the ingestion resumes,
/// and no committed row is lost or written twice.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class PostgresFaultTests(FaultAppFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);
    // "Quick" means no hang at Npgsql's 15 s default. The API's connect timeout is 2 s; on a loaded CI host single 503s
    // took 3.5 and 4.0 s, so a 3 s bound failed while the behaviour it guards was right.
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Stopping_postgres_during_an_ingestion_gives_quick_503s_and_the_job_resumes_with_every_row_once()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var lines = File.ReadLines(TestData.ClimateFever("dev.jsonl")).Skip(100).Take(120).ToArray();
        var expected = lines.SelectMany(l => JsonDocument.Parse(l).RootElement.GetProperty("evidences").EnumerateArray()
            .Select(e => e.GetProperty("evidence_id").GetString())).Distinct().Count();
        var source = $"fault-ingest-{Guid.NewGuid():N}";
        using var upload = await fixture.Api.PostAsync($"/api/ingestions?format=climate-fever&source={source}",
            new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"), cts.Token);
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>(cts.Token)).GetProperty("id").GetGuid();
        while (await fixture.ScalarAsync("SELECT processed FROM ingestion_jobs WHERE id = @id", ("id", id)) == 0)
        {
            await Task.Delay(20, cts.Token);
        }
        var committedBeforeStop = await fixture.ColumnAsync("SELECT external_id FROM evidence WHERE source = @s", ("s", source));

        var clock = Stopwatch.StartNew();
        var during = new List<ProbeResult>();
        var (stoppedAt, _, healthyAt) = await fixture.App.DuringOutageAsync("postgres", clock, async stopped =>
        {
            output.WriteLine($"postgres stopped after {stopped:F2} s with {committedBeforeStop.Count} of {expected} rows committed");
            while (clock.Elapsed.TotalSeconds < stopped + Outage.TotalSeconds)
            {
                during.Add(await FaultProbe.GetAsync(fixture.Api, clock, $"/api/ingestions/{id}"));
                during.Add(await FaultProbe.GetAsync(fixture.Api, clock, "/api/status"));
                during.Add(await FaultProbe.VerifyAsync(fixture.Api, clock, $"Glaciers are retreating ({Guid.NewGuid():N})."));
                await Task.Delay(250, cts.Token);
            }
        }, cts.Token);
        output.WriteLine(string.Join(Environment.NewLine, during));
        AssertDatabaseUnavailableProblems(during);

        var recovery = await FaultProbe.UntilOkAsync(() => FaultProbe.GetAsync(fixture.Api, clock, "/api/status"), TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(100));
        output.WriteLine($"postgres healthy again {healthyAt - stoppedAt:F2} s after the stop; the API answered 200 {recovery[^1].SentAtSeconds - healthyAt:F2} s later, after {recovery.Count - 1} more 503s");
        output.WriteLine($"METRIC pg-ingest 503-latency-ms p50={Median(during):F1} max={during.Max(d => d.Milliseconds):F1} n={during.Count}; api-ok-after-pg-healthy-s={recovery[^1].SentAtSeconds - healthyAt:F2}");

        var job = await fixture.WaitForJobAsync(id, TimeSpan.FromMinutes(4));
        output.WriteLine(job.ToString());
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(expected, job.GetProperty("processed").GetInt32());
        // Inserted once across both runs: the batch cut off by the stop was rolled back whole and written again on resume.
        Assert.Equal(expected, job.GetProperty("inserted").GetInt32());
        Assert.Equal(0, job.GetProperty("skipped").GetInt32());
        var stored = await fixture.ColumnAsync("SELECT external_id FROM evidence WHERE source = @s", ("s", source));
        Assert.Equal(expected, stored.Count);
        Assert.Equal(expected, stored.Distinct().Count());
        Assert.Empty(committedBeforeStop.Except(stored));
    }

    [Fact]
    public async Task Stopping_postgres_under_verification_load_gives_quick_503s_recovers_by_itself_and_keeps_every_answered_row()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await fixture.WaitForIdleIngestionAsync(cts.Token);
        var rowsBefore = await fixture.ScalarAsync("SELECT count(*) FROM verifications");
        var claims = File.ReadLines(TestData.ClimateFever("dev.jsonl")).Take(40)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("claim").GetString()!).ToArray();

        var clock = Stopwatch.StartNew();
        using var stopLoad = new CancellationTokenSource();
        var answers = new List<ProbeResult>[4];
        var n = 0;
        var clients = Enumerable.Range(0, answers.Length).Select(c => Task.Run(async () =>
        {
            answers[c] = [];
            using var http = fixture.App.CreateAdminClient("api");
            http.Timeout = TimeSpan.FromSeconds(30);
            while (!stopLoad.IsCancellationRequested)
            {
                var i = Interlocked.Increment(ref n);
                answers[c].Add(await FaultProbe.VerifyAsync(http, clock, $"{claims[i % claims.Length]} (#{i})"));
            }
        })).ToArray();

        double stoppedAt, healthyAt;
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(3), cts.Token);
            await fixture.App.StopAsync("postgres", cts.Token);
            stoppedAt = clock.Elapsed.TotalSeconds;
            await Task.Delay(Outage, cts.Token);
            await fixture.App.StartAsync("postgres", cts.Token);
            await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("postgres", cts.Token);
            healthyAt = clock.Elapsed.TotalSeconds;
        }
        catch
        {
            await stopLoad.CancelAsync();
            await fixture.App.EnsureRunningAsync("postgres");
            throw;
        }
        // Load goes on until every client has had five answers in a row that are 200, or a minute has passed.
        while (clock.Elapsed.TotalSeconds < healthyAt + 60 && !answers.All(a => a.Count >= 5 && a.TakeLast(5).All(r => r.Status == HttpStatusCode.OK)))
        {
            await Task.Delay(200, cts.Token);
        }
        await stopLoad.CancelAsync();
        await Task.WhenAll(clients);

        var all = answers.SelectMany(a => a).OrderBy(a => a.SentAtSeconds).ToList();
        var unavailable = all.Where(a => a.Status == HttpStatusCode.ServiceUnavailable).ToList();
        var ok = all.Where(a => a.Status == HttpStatusCode.OK).ToList();
        // Requests sent while PostgreSQL was down wait for a connection (up to the connect timeout): some are answered
        // 200 as soon as it is back. Recovery is when the first such answer arrives.
        var firstOkAfterStop = ok.Where(a => a.SentAtSeconds > stoppedAt).MinBy(a => a.AnsweredAtSeconds);
        output.WriteLine($"{all.Count} requests: {ok.Count} × 200, {unavailable.Count} × 503; postgres stopped at {stoppedAt:F2} s, healthy at {healthyAt:F2} s, first 200 after it answered at {firstOkAfterStop?.AnsweredAtSeconds:F2} s");
        foreach (var answer in all.Where(a => a.Status != HttpStatusCode.OK).Take(15))
        {
            output.WriteLine(answer.ToString());
        }
        output.WriteLine($"METRIC pg-load 503-latency-ms p50={Median(unavailable):F1} max={unavailable.Select(u => u.Milliseconds).DefaultIfEmpty().Max():F1} n={unavailable.Count}; first-200-after-pg-healthy-s={(firstOkAfterStop?.AnsweredAtSeconds ?? double.NaN) - healthyAt:F2}; outage-to-first-200-s={(firstOkAfterStop?.AnsweredAtSeconds ?? double.NaN) - stoppedAt:F2}; throughput-before={ok.Count(a => a.SentAtSeconds < stoppedAt) / stoppedAt:F1}/s");

        Assert.All(all, a => Assert.True(a.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"only 200 or 503: {a}"));
        Assert.NotEmpty(unavailable);
        AssertDatabaseUnavailableProblems(unavailable);
        Assert.NotNull(firstOkAfterStop);
        Assert.All(answers, a => Assert.All(a.TakeLast(5), r => Assert.Equal(HttpStatusCode.OK, r.Status)));

        // Every verification answered 200 was committed, once; a 503 may leave a row only if its commit landed as the
        // connection dropped (at most one per client in flight at the stop).
        var ids = ok.Select(a => a.Json!.Value).Where(j => !j.GetProperty("cached").GetBoolean()).Select(j => j.GetProperty("id").GetGuid()).ToArray();
        Assert.Equal(ids.Length, await fixture.ScalarAsync("SELECT count(*) FROM verifications WHERE id = ANY(@ids)", ("ids", ids)));
        var added = await fixture.ScalarAsync("SELECT count(*) FROM verifications") - rowsBefore;
        output.WriteLine($"{ids.Length} new verifications answered 200; {added} rows added");
        Assert.InRange(added, ids.Length, ids.Length + answers.Length);
    }

    private static void AssertDatabaseUnavailableProblems(IReadOnlyList<ProbeResult> answers)
    {
        Assert.All(answers, a =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Status);
            Assert.InRange(a.Milliseconds, 0, Quick.TotalMilliseconds);
            var problem = a.Json ?? throw new Xunit.Sdk.XunitException($"not a problem: {a}");
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
            Assert.Contains("database", problem.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        });
    }

    private static double Median(IReadOnlyCollection<ProbeResult> answers) =>
        answers.Count == 0 ? double.NaN : answers.Select(a => a.Milliseconds).Order().ElementAt(answers.Count / 2);
}
