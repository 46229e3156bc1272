using Microsoft.Extensions.Hosting;

namespace TruthGraph.EndToEndTests;

/// <summary>
/// Who may do what, through the real services: reading and verifying are open; uploads and model management need the
/// key (401 problems otherwise, nothing written); verify and admin calls are rate-limited (429, Retry-After); the
/// dashboard holds the key server-side and never hands it to a browser.
/// </summary>
public sealed class SecurityTests(EvidenceAppFixture fixture, ITestOutputHelper output) : IClassFixture<EvidenceAppFixture>
{
    private const string Line = """{"text": "Sea ice in the Arctic reached a record low in September 2012."}""";

    [Fact]
    public async Task Admin_operations_refuse_callers_without_the_key_and_reading_and_verifying_stay_open()
    {
        using var anonymous = fixture.App.CreateHttpClient("api");
        using var wrongKey = fixture.App.CreateHttpClient("api");
        wrongKey.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, "guessed");
        var jobs = await fixture.ScalarAsync("SELECT count(*) FROM ingestion_jobs");

        foreach (var (client, reason) in new[] { (anonymous, ApiKeyDefaults.HeaderName), (wrongKey, "not valid") })
        {
            using var upload = await client.PostAsync("/api/ingestions?format=jsonl", new StringContent(Line, Encoding.UTF8, "application/x-ndjson"));
            var problem = await ProblemAsync(upload, HttpStatusCode.Unauthorized);
            Assert.Contains(reason, problem.GetProperty("detail").GetString());
            Assert.Contains(ApiKeyDefaults.HeaderName, upload.Headers.WwwAuthenticate.ToString());
        }
        using var inference = fixture.App.CreateHttpClient("inference");
        foreach (var action in new[] { "warmup", "unload", "settings" })
        {
            using var refused = await inference.PostAsJsonAsync($"/v1/models/all-minilm-l6-v2/{action}", new { batchSize = 8 });
            await ProblemAsync(refused, HttpStatusCode.Unauthorized);
        }
        Assert.Equal(jobs, await fixture.ScalarAsync("SELECT count(*) FROM ingestion_jobs"));

        // Open to everyone: reading, searching, verifying, the model list.
        foreach (var path in new[] { "/api/status", "/api/verifications", "/api/evidence/stats", "/api/ingestions", "/api/samples/claims" })
        {
            using var read = await anonymous.GetAsync(path);
            Assert.True(read.StatusCode == HttpStatusCode.OK, $"{path}: {(int)read.StatusCode}");
        }
        using (var verify = await anonymous.PostAsJsonAsync("/api/verify", new { claim = "Arctic sea ice is declining." }))
        {
            Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        }
        using (var models = await inference.GetAsync("/v1/models"))
        {
            Assert.Equal(HttpStatusCode.OK, models.StatusCode);
        }

        using var admin = await fixture.Api.PostAsync("/api/ingestions?format=jsonl", new StringContent(Line, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.Accepted, admin.StatusCode);
    }

    [Fact]
    public async Task Verify_is_rate_limited_per_client_without_the_key_and_key_holders_are_not()
    {
        using var anonymous = fixture.App.CreateHttpClient("api");
        // Empty claims: cheap 400s, refused by validation after the rate limiter has counted them.
        var answers = await BurstAsync(anonymous, 100, c => c.PostAsJsonAsync("/api/verify", new { claim = "" }));
        output.WriteLine(string.Join(", ", answers.GroupBy(a => a.StatusCode).Select(g => $"{(int)g.Key}: {g.Count()}")));
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.TooManyRequests, $"{a.StatusCode}"));
        var limited = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.InRange(answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest), 40, 99);
        var retryAfter = int.Parse(limited[0].Headers.GetValues("Retry-After").Single());
        Assert.InRange(retryAfter, 1, 60);
        var problem = await ProblemAsync(limited[0], HttpStatusCode.TooManyRequests);
        Assert.Equal(retryAfter, problem.GetProperty("retryAfterSeconds").GetInt32());

        var holders = await BurstAsync(fixture.Api, 100, c => c.PostAsJsonAsync("/api/verify", new { claim = "" }));
        Assert.All(holders, a => Assert.Equal(HttpStatusCode.BadRequest, a.StatusCode));

        await Task.Delay(TimeSpan.FromSeconds(retryAfter));
        using var again = await anonymous.PostAsJsonAsync("/api/verify", new { claim = "" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Dispose(answers, holders);
    }

    [Fact]
    public async Task Admin_calls_share_a_rate_limit_and_a_refused_one_writes_nothing()
    {
        var jobs = await fixture.ScalarAsync("SELECT count(*) FROM ingestion_jobs");
        // An unknown format: refused with 400 before anything is read or written, so only the limiter is measured.
        var answers = await BurstAsync(fixture.Api, 45,
            c => c.PostAsync("/api/ingestions?format=yaml", new StringContent(Line, Encoding.UTF8, "application/x-ndjson")));
        output.WriteLine(string.Join(", ", answers.GroupBy(a => a.StatusCode).Select(g => $"{(int)g.Key}: {g.Count()}")));
        var limited = answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.InRange(answers.Count(a => a.StatusCode == HttpStatusCode.BadRequest), 30, 44);
        Assert.True(limited[0].Headers.Contains("Retry-After"));
        Assert.Equal(jobs, await fixture.ScalarAsync("SELECT count(*) FROM ingestion_jobs"));

        // The bucket refills: an admin call goes through again after the advised wait. The limiter's refill timer can
        // tick late on a loaded machine, so the call may be retried for a few seconds past the advice, not longer.
        var advised = TimeSpan.FromSeconds(int.Parse(limited[0].Headers.GetValues("Retry-After").Single()));
        await Task.Delay(advised);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(3);
        HttpStatusCode later;
        do
        {
            using var response = await fixture.Api.PostAsync("/api/ingestions?format=jsonl", new StringContent(Line, Encoding.UTF8, "application/x-ndjson"));
            later = response.StatusCode;
            if (later == HttpStatusCode.TooManyRequests)
            {
                await Task.Delay(250);
            }
        }
        while (later == HttpStatusCode.TooManyRequests && DateTime.UtcNow < deadline);
        Assert.Equal(HttpStatusCode.Accepted, later);
        Dispose(answers);
    }

    [Fact]
    public async Task The_dashboard_holds_the_key_without_showing_it_to_browsers()
    {
        using var web = fixture.App.CreateHttpClient("web");
        foreach (var page in new[] { "/", "/verify", "/evidence", "/models", "/history", "/status", "/performance", "/account/signin" })
        {
            using var response = await web.GetAsync(page);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{page}: {(int)response.StatusCode}");
            Assert.DoesNotContain(TruthGraphAppFactory.ApiKey, html);
        }
    }

    private static async Task<List<HttpResponseMessage>> BurstAsync(HttpClient client, int count, Func<HttpClient, Task<HttpResponseMessage>> send) =>
        [.. await Task.WhenAll(Enumerable.Range(0, count).Select(_ => send(client)))];

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        return problem;
    }

    private static void Dispose(params List<HttpResponseMessage>[] responses)
    {
        foreach (var response in responses.SelectMany(r => r))
        {
            response.Dispose();
        }
    }
}
