using System.Collections.Concurrent;
using System.Net.ServerSentEvents;

namespace TruthGraph.EndToEndTests;

/// <summary>
/// Two API and two inference replicas: load spreads over the inference replicas and survives losing one (503s only, for
/// calls in flight), a batch size applied on one inference replica reaches the other and outlives its restart, every job
/// runs exactly once whichever replica took it, a job's events stream through either API replica, and a corpus change
/// made through one API replica is never answered from the other's result cache.
/// </summary>
public sealed class ReplicaTests(ReplicaAppFixture fixture, ITestOutputHelper output) : IClassFixture<ReplicaAppFixture>
{
    private const string Model = "all-minilm-l6-v2";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);

    /// <summary>How long a trace may take to hold every service's spans: each exports them in batches of its own.</summary>
    private static readonly TimeSpan TraceArrival = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Inference_replicas_share_the_load_and_the_tuned_batch_size_and_verify_answers_while_one_is_stopped()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var (first, second) = (fixture.InferenceReplicas[0], fixture.InferenceReplicas[1]);
        Assert.Equal(2, fixture.InferenceReplicas.Count);

        // A size applied on one replica reaches the other through the shared file, within its 2-second refresh.
        using (var one = fixture.Replica(first))
        {
            var device = (await one.GetFromJsonAsync<JsonElement>($"/v1/models/{Model}", cts.Token)).GetProperty("device").GetString()!;
            using var applied = await one.PostAsJsonAsync($"/v1/models/{Model}/tuned-batch-size", new { batchSize = 7, device, source = "replica e2e" }, cts.Token);
            Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
        }
        await WaitForTunedSizeAsync(second, 7, cts.Token);

        var before = await RequestsPerReplicaAsync(cts.Token);
        var outcomes = new ConcurrentQueue<(double At, HttpStatusCode Status, string? MediaType)>();
        var clock = Stopwatch.StartNew();
        const double StopAt = 10, EndAt = 22;
        var load = Task.WhenAll(Enumerable.Range(0, 6).Select(client => Task.Run(async () =>
        {
            for (var n = 0; clock.Elapsed.TotalSeconds < EndAt; n++)
            {
                // Claims never repeat, so that every call reaches the inference service (no result-cache answers).
                using var response = await fixture.Api.PostAsJsonAsync("/api/verify",
                    new { claim = $"Load check {client}-{n}: the sea rose {n} millimetres near harbour {client}." }, cts.Token);
                outcomes.Enqueue((clock.Elapsed.TotalSeconds, response.StatusCode, response.Content.Headers.ContentType?.MediaType));
            }
        }, cts.Token)));

        await Task.Delay(TimeSpan.FromSeconds(StopAt - 1), cts.Token);
        var during = await RequestsPerReplicaAsync(cts.Token);
        var stoppedAt = clock.Elapsed.TotalSeconds;
        await fixture.App.StopReplicaAsync(second, cts.Token);
        output.WriteLine($"inference {second} stopped at {stoppedAt:F1} s (took {clock.Elapsed.TotalSeconds - stoppedAt:F1} s)");
        await load;

        foreach (var replica in fixture.InferenceReplicas)
        {
            output.WriteLine($"{replica}: {during[replica] - before[replica]} model requests before the stop");
            Assert.True(during[replica] > before[replica], $"{replica} served no request: the load did not spread");
        }
        var statuses = outcomes.GroupBy(o => (int)o.Status).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"{outcomes.Count} verifications: {string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}"))}");
        Assert.All(outcomes, o => Assert.True(o.Status is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{(int)o.Status} at {o.At:F1} s"));
        Assert.All(outcomes.Where(o => o.Status == HttpStatusCode.ServiceUnavailable), o => Assert.Equal("application/problem+json", o.MediaType));
        // Calls in flight on the stopped replica may fail; the ones after it answer from the other replica.
        var after = outcomes.Where(o => o.At > stoppedAt + 3).ToList();
        var answered = after.Count(o => o.Status == HttpStatusCode.OK);
        output.WriteLine($"after the stop (+3 s): {answered} of {after.Count} answered");
        Assert.True(answered >= 5 && answered >= 0.9 * after.Count, $"{answered} of {after.Count} answered after the stop");

        // Started again, the replica reads the size from the shared file: it survives the restart.
        await fixture.App.StartReplicaAsync(second, cts.Token);
        await WaitForTunedSizeAsync(second, 7, cts.Token);
    }

    [Fact]
    public async Task Every_ingestion_job_runs_exactly_once_across_the_api_replicas()
    {
        using var cts = new CancellationTokenSource(Timeout);
        const int Jobs = 8, Sentences = 30;
        var ids = new List<string>();
        for (var job = 0; job < Jobs; job++)
        {
            // Alternate replicas: each one queues jobs, and either may run them.
            using var api = fixture.Replica(fixture.ApiReplicas[job % 2]);
            var text = string.Join(' ', Enumerable.Range(0, Sentences).Select(s => $"Replica job {job} notes that station {s} measured {s + 3 * job} centimetres of snow."));
            using var response = await api.PostAsync($"/api/ingestions?format=text&source=replica-job-{job}", new StringContent(text, Encoding.UTF8, "text/plain"), cts.Token);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>(cts.Token)).GetProperty("id").GetString()!);
        }
        while (await fixture.ScalarAsync<long>("SELECT count(*) FROM ingestion_jobs WHERE id = ANY(@ids) AND status IN ('queued', 'running')",
                   ("ids", ids.Select(Guid.Parse).ToArray())) > 0)
        {
            await Task.Delay(250, cts.Token);
        }

        for (var job = 0; job < Jobs; job++)
        {
            var view = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/ingestions/{ids[job]}", cts.Token);
            output.WriteLine(view.ToString());
            Assert.Equal("completed", view.GetProperty("status").GetString());
            // A second run would find its sentences stored and count them as skipped or updated, or store them twice.
            Assert.Equal(Sentences, view.GetProperty("inserted").GetInt32());
            Assert.Equal(0, view.GetProperty("skipped").GetInt32());
            Assert.Equal(0, view.GetProperty("updated").GetInt32());
            Assert.Equal(Sentences, await fixture.ScalarAsync<long>("SELECT count(*) FROM evidence WHERE source = @s",
                ("s", $"replica-job-{job}")));
        }
        var runners = await fixture.ScalarAsync<long>("SELECT count(DISTINCT runner) FROM ingestion_jobs WHERE id = ANY(@ids)", ("ids", ids.Select(Guid.Parse).ToArray()));
        output.WriteLine($"{Jobs} jobs ran on {runners} replica(s)");
        Assert.Equal(2, runners);
    }

    [Fact]
    public async Task Performance_jobs_run_one_at_a_time_across_replicas_and_stream_their_events_through_either()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var ids = new List<Guid>();
        for (var job = 0; job < 3; job++)
        {
            using var api = fixture.Replica(fixture.ApiReplicas[job % 2]);
            // The first job is the one both streams follow: large enough to still be running when they attach (a 2-claim
            // run could finish first on a fast host, and a stream attached late sees only its end).
            var request = job == 0 ? new { claims = 10, topK = 3, repetitions = 1, throughputTexts = 128 } : new { claims = 2, topK = 3, repetitions = 1, throughputTexts = 8 };
            using var response = await api.PostAsJsonAsync("/api/perf-runs", request, cts.Token);
            var body = await response.Content.ReadAsStringAsync(cts.Token);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
            ids.Add(JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid());
        }

        // The first job followed through both replicas at once: one of them does not run it, and its stream must still
        // show progress and end with the job.
        var streams = await Task.WhenAll(fixture.ApiReplicas.Select(replica => FollowAsync(replica, ids[0], cts.Token)));
        foreach (var (replica, events) in fixture.ApiReplicas.Zip(streams))
        {
            output.WriteLine($"{replica}: {string.Join(", ", events.Select(e => $"{e.Type}:{e.Data.GetProperty("phase").GetString()}"))}");
            Assert.Equal("finished", events[^1].Type);
            Assert.Equal("completed", events[^1].Data.GetProperty("status").GetString());
            Assert.True(events.Count(e => e.Type == "progress") >= 2, $"{replica} streamed {events.Count} events");
        }

        while (await fixture.ScalarAsync<long>("SELECT count(*) FROM perf_jobs WHERE id = ANY(@ids) AND status IN ('queued', 'running')", ("ids", ids.ToArray())) > 0)
        {
            await Task.Delay(250, cts.Token);
        }
        Assert.Equal(3, await fixture.ScalarAsync<long>("SELECT count(*) FROM perf_jobs WHERE id = ANY(@ids) AND status = 'completed'", ("ids", ids.ToArray())));
        // None measured another: each started after the one before it finished, whichever replica ran it.
        Assert.Equal(0, await fixture.ScalarAsync<long>("""
            SELECT count(*) FROM perf_jobs a JOIN perf_jobs b ON a.id < b.id
            WHERE a.id = ANY(@ids) AND b.id = ANY(@ids) AND a.started_at < b.finished_at AND b.started_at < a.finished_at
            """, ("ids", ids.ToArray())));
    }

    [Fact]
    public async Task A_sweep_is_cancelled_through_the_api_replica_that_does_not_run_it()
    {
        using var cts = new CancellationTokenSource(Timeout);
        Guid id;
        using (var api = fixture.Replica(fixture.ApiReplicas[0]))
        {
            using var response = await api.PostAsJsonAsync("/api/sweeps", new { model = Model, batchSizes = new[] { 1, 2, 4, 8, 16, 32 }, secondsPerStep = 10 }, cts.Token);
            var body = await response.Content.ReadAsStringAsync(cts.Token);
            Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
            id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
        }
        // The replica running it, from its runner id and the address each replica registered.
        string? runnerUrl = null;
        while (runnerUrl is null)
        {
            await Task.Delay(200, cts.Token);
            var urls = await TestDatabase.ColumnAsync(fixture.ConnectionString,
                "SELECT r.url FROM perf_jobs j JOIN api_replicas r ON r.runner = j.runner WHERE j.id = @id AND j.status = 'running'", ("id", id));
            runnerUrl = urls.SingleOrDefault();
        }
        var other = fixture.ApiReplicas.Single(r => fixture.App.ReplicaUrl(r).Port != new Uri(runnerUrl).Port);
        output.WriteLine($"runs on {runnerUrl}; cancelled through {other} ({fixture.App.ReplicaUrl(other)})");

        var clock = Stopwatch.StartNew();
        using (var api = fixture.Replica(other))
        using (var cancel = await api.DeleteAsync($"/api/sweeps/{id}", cts.Token))
        {
            Assert.True(cancel.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted, $"{(int)cancel.StatusCode}");
        }
        while (await fixture.ScalarAsync<string>("SELECT status FROM perf_jobs WHERE id = @id", ("id", id)) != "cancelled")
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), "the sweep still runs 5 s after the cancel");
            await Task.Delay(100, cts.Token);
        }
        output.WriteLine($"cancelled after {clock.Elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public async Task A_corpus_change_through_one_api_replica_is_not_answered_from_the_other_replicas_cache()
    {
        using var cts = new CancellationTokenSource(Timeout);
        using var first = fixture.Replica(fixture.ApiReplicas[0]);
        using var second = fixture.Replica(fixture.ApiReplicas[1]);
        var claim = new { claim = "Arctic sea ice has been shrinking for decades." };
        await VerifyAsync(first, claim, cts.Token);
        var cached = await VerifyAsync(first, claim, cts.Token);
        Assert.True(cached.GetProperty("cached").GetBoolean());

        using (var upload = await second.PostAsync("/api/ingestions?format=text&source=replica-cache-check",
                   new StringContent("Satellite records show Arctic sea ice shrinking since 1979.", Encoding.UTF8, "text/plain"), cts.Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
            var id = (await upload.Content.ReadFromJsonAsync<JsonElement>(cts.Token)).GetProperty("id").GetGuid();
            while (await fixture.ScalarAsync<string>("SELECT status FROM ingestion_jobs WHERE id = @id", ("id", id)) is "queued" or "running")
            {
                await Task.Delay(200, cts.Token);
            }
        }

        var fresh = await VerifyAsync(first, claim, cts.Token);
        Assert.False(fresh.GetProperty("cached").GetBoolean());
        Assert.True(fresh.GetProperty("corpusVersion").GetInt64() > cached.GetProperty("corpusVersion").GetInt64());
    }

    [Fact]
    public async Task A_verifications_trace_is_whole_through_the_api_replica_that_did_not_serve_it()
    {
        using var cts = new CancellationTokenSource(Timeout);
        using var served = fixture.Replica(fixture.ApiReplicas[0]);
        using var other = fixture.Replica(fixture.ApiReplicas[1]);
        // Several verifications, so that the calls behind them go to both inference replicas.
        foreach (var n in Enumerable.Range(0, 4))
        {
            var result = await VerifyAsync(served, new { claim = $"Trace check {n}: permafrost thaws faster in warm summers ({Guid.NewGuid():N})." }, cts.Token);
            var traceId = result.GetProperty("traceId").GetString()!;

            // Each service exports its spans in batches of its own, so the inference replica's may arrive a moment after the
            // API's: the trace is read again until they are there, or the deadline passes and the assertions below fail.
            var deadline = DateTime.UtcNow + TraceArrival;
            JsonElement trace;
            List<JsonElement> spans, calls;
            HashSet<string?> inferenceParents;
            while (true)
            {
                trace = await other.GetFromJsonAsync<JsonElement>($"/api/traces/{traceId}", cts.Token);
                spans = trace.GetProperty("spans").EnumerateArray().ToList();
                // Every call the API made to the inference service has the inference replica's own span under it.
                calls = spans.Where(s => s.GetProperty("service").GetString() == "api"
                                         && string.Equals(s.GetProperty("kind").GetString(), "client", StringComparison.OrdinalIgnoreCase)
                                         && s.GetProperty("tags").TryGetProperty("http.request.method", out _)).ToList();
                inferenceParents = spans.Where(s => s.GetProperty("service").GetString() == "inference").Select(s => s.GetProperty("parentSpanId").GetString()).ToHashSet();
                var parents = inferenceParents;
                if ((calls.Count > 0 && calls.All(c => parents.Contains(c.GetProperty("spanId").GetString()))) || DateTime.UtcNow > deadline)
                {
                    break;
                }
                await Task.Delay(250, cts.Token);
            }
            Assert.Single(spans, s => s.GetProperty("name").GetString() == "verify");
            output.WriteLine($"{traceId}: {spans.Count} spans, {calls.Count} calls to other services, notes: {trace.GetProperty("notes")}");
            Assert.NotEmpty(calls);
            Assert.All(calls, c => Assert.Contains(c.GetProperty("spanId").GetString(), inferenceParents));
        }
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient api, object claim, CancellationToken cancellationToken)
    {
        using var response = await api.PostAsJsonAsync("/api/verify", claim, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task<List<(string Type, JsonElement Data)>> FollowAsync(string replica, Guid id, CancellationToken cancellationToken)
    {
        using var api = fixture.Replica(replica);
        using var response = await api.GetAsync($"/api/perf-runs/{id}/events", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var events = new List<(string, JsonElement)>();
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
        {
            events.Add((item.EventType, JsonDocument.Parse(item.Data).RootElement.Clone()));
        }
        return events;
    }

    /// <summary>Model requests each inference replica has served (its own counters, read from its own address).</summary>
    private async Task<Dictionary<string, long>> RequestsPerReplicaAsync(CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, long>();
        foreach (var replica in fixture.InferenceReplicas)
        {
            using var client = fixture.Replica(replica);
            var models = await client.GetFromJsonAsync<JsonElement>("/v1/models", cancellationToken);
            counts[replica] = models.GetProperty("data").EnumerateArray().Sum(m => m.GetProperty("stats").GetProperty("requests").GetInt64());
        }
        return counts;
    }

    private async Task WaitForTunedSizeAsync(string replica, int size, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var client = fixture.Replica(replica);
        JsonElement model;
        while ((model = await client.GetFromJsonAsync<JsonElement>($"/v1/models/{Model}", cancellationToken)) is var m
               && (m.GetProperty("batchSize").GetInt32() != size || m.GetProperty("batchSizeSource").GetString() != "tuned"))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"{replica} still runs {m.GetProperty("batchSize")} ({m.GetProperty("batchSizeSource")})");
            await Task.Delay(250, cancellationToken);
        }
        output.WriteLine($"{replica} runs batch size {size} (tuned) after {clock.Elapsed.TotalSeconds:F1} s");
    }
}
