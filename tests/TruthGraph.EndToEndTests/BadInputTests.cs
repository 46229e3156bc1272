namespace TruthGraph.EndToEndTests;

/// <summary>
/// Every bad input in <see cref="BadInputCases"/> through the real services: a 4xx problem that names the field, never
/// a 500, and not one row written (counted in PostgreSQL before and after). Injection strings in the free-text fields
/// are plain text: stored and answered verbatim, and every table is still there.
/// </summary>
public sealed class BadInputTests(EvidenceAppFixture fixture, ITestOutputHelper output) : IClassFixture<EvidenceAppFixture>
{
    public static TheoryData<string> CaseNames => new(BadInputCases.All.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task A_bad_input_gets_a_4xx_problem_naming_the_field_and_writes_nothing(string name)
    {
        var bad = BadInputCases.All[name];
        await WaitForIdleIngestionAsync();
        var before = await CountRowsAsync();

        using var client = fixture.App.CreateAdminClient(bad.Resource);
        client.Timeout = TimeSpan.FromMinutes(2);
        using var response = await RateLimitRetry.SendAsync(client, () =>
        {
            var request = new HttpRequestMessage(bad.Method, bad.Path) { Content = bad.Body() };
            request.Headers.ExpectContinue = bad.ExpectContinue ? true : null;
            return request;
        });
        var text = await response.Content.ReadAsStringAsync();
        output.WriteLine($"{(int)response.StatusCode} {(text.Length > 600 ? text[..600] + "…" : text)}");

        Assert.Equal(bad.Status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)bad.Status, problem.GetProperty("status").GetInt32());
        Assert.True(NamesField(problem, bad.Field), $"the problem names '{bad.Field}'");
        Assert.Equal(before, await CountRowsAsync());
    }

    public static TheoryData<string> Injections => new()
    {
        "'; DROP TABLE evidence; --",
        "Robert'); DELETE FROM verifications; --",
        "' UNION SELECT id, text FROM evidence --",
        "\" OR \"\"=\"",
        "<script>alert('x')</script>",
        "{{7*7}} ${7*7} #{7*7}",
        "../../../../etc/passwd",
        "$(rm -rf /) `reboot`",
    };

    [Theory]
    [MemberData(nameof(Injections))]
    public async Task Injection_strings_in_every_text_field_are_stored_and_answered_as_plain_text(string injection)
    {
        await WaitForIdleIngestionAsync();
        var before = await CountRowsAsync();

        using var verify = await fixture.Api.PostAsJsonAsync("/api/verify", new { claim = injection });
        Assert.Equal(HttpStatusCode.OK, verify.StatusCode);
        var result = await verify.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(injection, result.GetProperty("claim").GetString());
        Assert.Equal(1, await fixture.ScalarAsync("SELECT count(*) FROM verifications WHERE id = @id AND claim = @claim",
            ("id", result.GetProperty("id").GetGuid()), ("claim", injection)));

        using var search = await fixture.Api.GetAsync($"/api/evidence/search?q={Uri.EscapeDataString(injection)}&k=3");
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);

        // The same string as the upload's source and title, and as a line's id, title and text.
        var line = JsonSerializer.Serialize(new { id = injection, title = injection, text = $"{injection} is written here." });
        using var upload = await RateLimitRetry.SendAsync(fixture.Api, () => new HttpRequestMessage(HttpMethod.Post,
            $"/api/ingestions?format=jsonl&source={Uri.EscapeDataString(injection)}&title={Uri.EscapeDataString(injection)}")
        {
            Content = new StringContent(line, Encoding.UTF8, "application/x-ndjson"),
        });
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var job = await fixture.WaitForJobAsync((await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(injection, job.GetProperty("source").GetString());
        Assert.Equal(1, await fixture.ScalarAsync(
            "SELECT count(*) FROM evidence e JOIN documents d ON d.id = e.document_id WHERE e.source = @s AND e.external_id = @s AND e.text = @t AND d.title = @s",
            ("s", injection), ("t", $"{injection} is written here.")));

        var after = await CountRowsAsync();
        Assert.Equal(before.Verifications + 1, after.Verifications);
        Assert.Equal(before.Jobs + 1, after.Jobs);
        Assert.True(after.Evidence >= before.Evidence, "no evidence went missing");
    }

    /// <summary>The field is an error key (or the start of one: "$.claim" for "$.claim[0]"), or the problem's own property ("id", "model").</summary>
    private static bool NamesField(JsonElement problem, string field) =>
        (problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
            && errors.EnumerateObject().Any(e => e.Name == field || e.Name.StartsWith(field + "[", StringComparison.Ordinal)
                || e.Name.StartsWith(field + ".", StringComparison.Ordinal)))
        || problem.TryGetProperty(field, out _);

    private async Task<(long Verifications, long Jobs, long Evidence, long Documents)> CountRowsAsync() => (
        await fixture.ScalarAsync("SELECT count(*) FROM verifications"),
        await fixture.ScalarAsync("SELECT count(*) FROM ingestion_jobs"),
        await fixture.ScalarAsync("SELECT count(*) FROM evidence"),
        await fixture.ScalarAsync("SELECT count(*) FROM documents"));

    /// <summary>The sample corpus is seeded at start; counts compare only once no job is writing.</summary>
    private async Task WaitForIdleIngestionAsync()
    {
        using var cts = new CancellationTokenSource(EvidenceAppFixture.JobTimeout);
        while (await fixture.ScalarAsync("SELECT count(*) FROM ingestion_jobs WHERE status IN ('queued', 'running')") > 0)
        {
            await Task.Delay(200, cts.Token);
        }
    }
}
