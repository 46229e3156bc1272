namespace TruthGraph.EndToEndTests;

/// <summary>Ingestion through the real API, worker, embeddings and PostgreSQL: CLIMATE-FEVER, re-ingestion, bad lines, search, seeding.</summary>
public sealed class EvidenceIngestionTests(EvidenceAppFixture fixture, ITestOutputHelper output) : IClassFixture<EvidenceAppFixture>
{
    private static readonly SemaphoreSlim IngestOnce = new(1, 1);
    private static bool _climateFeverIngested;

    private static string[] First50DevClaims() => File.ReadLines(TestData.ClimateFever("dev.jsonl")).Take(50).ToArray();

    private static HashSet<string> EvidenceIds(IEnumerable<string> lines) =>
        lines.SelectMany(l => JsonDocument.Parse(l).RootElement.GetProperty("evidences").EnumerateArray()
            .Select(e => e.GetProperty("evidence_id").GetString()!)).ToHashSet();

    private async Task<JsonElement> PostAsync(string query, string body, string contentType = "application/x-ndjson")
    {
        using var content = new StringContent(body, Encoding.UTF8, contentType);
        using var response = await fixture.Api.PostAsync($"/api/ingestions{query}", content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> IngestClimateFeverAsync()
    {
        var job = await PostAsync("?format=climate-fever", string.Join('\n', First50DevClaims()));
        return await fixture.WaitForJobAsync(job.GetProperty("id").GetString()!);
    }

    private async Task EnsureClimateFeverIngestedAsync()
    {
        await IngestOnce.WaitAsync();
        try
        {
            if (!_climateFeverIngested)
            {
                var job = await IngestClimateFeverAsync();
                Assert.Equal("completed", job.GetProperty("status").GetString());
                _climateFeverIngested = true;
            }
        }
        finally
        {
            IngestOnce.Release();
        }
    }

    [Fact]
    public async Task Climate_fever_evidence_is_ingested_once_and_re_ingesting_it_adds_no_duplicates()
    {
        var expected = EvidenceIds(First50DevClaims()).Count;
        await EnsureClimateFeverIngestedAsync();
        Assert.Equal(expected, await fixture.ScalarAsync("SELECT count(*) FROM evidence WHERE source = 'climate-fever'"));
        Assert.Equal(0, await fixture.ScalarAsync("SELECT count(*) FROM evidence WHERE source = 'climate-fever' AND document_id IS NULL"));
        var stats = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/evidence/stats");
        var climate = stats.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == "climate-fever");
        Assert.Equal(expected, climate.GetProperty("sentences").GetInt64());
        var version = stats.GetProperty("corpusVersion").GetInt64();

        var again = await IngestClimateFeverAsync();
        output.WriteLine(again.ToString());
        Assert.Equal("completed", again.GetProperty("status").GetString());
        Assert.Equal(expected, again.GetProperty("total").GetInt32());
        Assert.Equal(0, again.GetProperty("inserted").GetInt32());
        Assert.Equal(0, again.GetProperty("updated").GetInt32());
        Assert.Equal(expected, again.GetProperty("skipped").GetInt32());
        Assert.Equal(expected, await fixture.ScalarAsync("SELECT count(*) FROM evidence WHERE source = 'climate-fever'"));
        var after = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/evidence/stats");
        Assert.Equal(version, after.GetProperty("corpusVersion").GetInt64());
    }

    [Fact]
    public async Task Search_finds_a_gold_evidence_sentence_for_a_claim_among_the_top_10()
    {
        await EnsureClimateFeverIngestedAsync();
        var claims = First50DevClaims().Select(l => JsonDocument.Parse(l).RootElement.Clone())
            .Where(c => c.GetProperty("evidences").EnumerateArray().Any(e => e.GetProperty("evidence_label").GetString() != "NOT_ENOUGH_INFO"))
            .Take(20).ToList();
        var found = 0;
        foreach (var claim in claims)
        {
            var gold = claim.GetProperty("evidences").EnumerateArray()
                .Where(e => e.GetProperty("evidence_label").GetString() != "NOT_ENOUGH_INFO")
                .Select(e => e.GetProperty("evidence_id").GetString()).ToHashSet();
            var text = Uri.EscapeDataString(claim.GetProperty("claim").GetString()!);
            var result = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/evidence/search?q={text}&k=10");
            var hits = result.GetProperty("hits").EnumerateArray().ToList();
            Assert.InRange(hits.Count, 1, 10);
            Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.GetProperty("similarity").GetDouble() >= p.Second.GetProperty("similarity").GetDouble()));
            if (hits.Any(h => h.GetProperty("source").GetString() == "climate-fever" && gold.Contains(h.GetProperty("externalId").GetString())))
            {
                found++;
            }
        }
        output.WriteLine($"gold evidence in the top 10 for {found} of {claims.Count} claims");
        Assert.True(found >= claims.Count * 0.6, $"gold evidence in the top 10 for only {found} of {claims.Count} claims");
    }

    [Fact]
    public async Task A_json_lines_file_with_two_bad_lines_keeps_the_good_lines_and_lists_the_bad_ones()
    {
        var source = $"e2e-bad-lines-{Guid.NewGuid():N}";
        var body = string.Join('\n',
            """{"id": "g1", "text": "Glaciers in the Alps have lost much of their ice since 1850."}""",
            """{"id": "b1", "text": ""}""",
            """{"id": "g2", "text": "The Rhine rises in the Swiss Alps and flows into the North Sea."}""",
            """{"id": "b2", "text": "unterminated""",
            """{"id": "g3", "text": "Lake Geneva is shared by Switzerland and France."}""");
        var accepted = await PostAsync($"?format=jsonl&source={source}", body);
        Assert.Equal(3, accepted.GetProperty("total").GetInt32());
        Assert.Equal(2, accepted.GetProperty("rejected").GetInt32());

        var job = await fixture.WaitForJobAsync(accepted.GetProperty("id").GetString()!);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(3, job.GetProperty("inserted").GetInt32());
        var errors = job.GetProperty("errors").EnumerateArray()
            .Select(e => (e.GetProperty("line").GetInt32(), e.GetProperty("field").GetString())).ToList();
        Assert.Equal([(2, "text"), (4, "json")], errors);
        Assert.Equal(3, await fixture.ScalarAsync("SELECT count(*) FROM evidence WHERE source = @s", ("s", source)));
        Assert.True(job.GetProperty("sentencesPerSecond").GetDouble() > 0);
    }

    [Fact]
    public async Task Bad_requests_get_400_naming_the_field_and_write_nothing()
    {
        var jobsBefore = await fixture.ScalarAsync("SELECT count(*) FROM ingestion_jobs");
        var good = """{"text": "A perfectly good sentence."}""";
        foreach (var (query, body, field) in new[]
                 {
                     ("?format=jsonl&model=no-such-model", good, "model"),
                     ("?format=yaml", good, "format"),
                     ("?format=jsonl&source=", good, "source"),
                     ("?format=jsonl", "{\"text\": \"\"}\nnot json", "line 1: text"),
                 })
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/octet-stream");
            using var response = await fixture.Api.PostAsync($"/api/ingestions{query}", content);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            output.WriteLine(problem.ToString());
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{query}: errors name '{field}'");
        }
        using (var search = await fixture.Api.GetAsync("/api/evidence/search?k=500"))
        {
            var problem = await search.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.BadRequest, search.StatusCode);
            Assert.True(problem.GetProperty("errors").TryGetProperty("q", out _));
            Assert.True(problem.GetProperty("errors").TryGetProperty("k", out _));
        }
        Assert.Equal(jobsBefore, await fixture.ScalarAsync("SELECT count(*) FROM ingestion_jobs"));
        using var missing = await fixture.Api.GetAsync($"/api/ingestions/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_sample_corpus_is_seeded_on_first_start_and_the_sample_claims_are_served()
    {
        var expected = File.ReadLines(Path.Combine(TestData.RepositoryRoot, "TruthGraph.Api", "SampleData", "corpus.jsonl"))
            .Count(l => l.Trim().Length > 0);
        var jobs = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/ingestions?limit=200");
        var seed = jobs.EnumerateArray().Single(j => j.GetProperty("source").GetString() == "truthgraph-sample");
        var done = await fixture.WaitForJobAsync(seed.GetProperty("id").GetString()!);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal(expected, await fixture.ScalarAsync("SELECT count(*) FROM evidence WHERE source = 'truthgraph-sample'"));

        var claims = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/samples/claims");
        Assert.True(claims.GetArrayLength() >= 30);
        Assert.Equal(4, claims.EnumerateArray().Select(c => c.GetProperty("expectedVerdict").GetString()).Distinct().Count());

        var hits = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/evidence/search?q={Uri.EscapeDataString("What is the capital of Australia?")}&k=3");
        Assert.Contains(hits.GetProperty("hits").EnumerateArray(), h => h.GetProperty("text").GetString()!.Contains("Canberra"));
    }
}
