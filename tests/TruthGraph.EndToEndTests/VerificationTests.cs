namespace TruthGraph.EndToEndTests;

/// <summary>
/// The whole pipeline through the real services: CLIMATE-FEVER evidence ingested, claims verified (embedding,
/// pgvector retrieval, NLI, verdict), results stored, cached and listed; bad requests refused without writing.
/// </summary>
public sealed class VerificationTests(EvidenceAppFixture fixture, ITestOutputHelper output) : IClassFixture<EvidenceAppFixture>
{
    private static readonly SemaphoreSlim Setup = new(1, 1);
    private static List<JsonElement>? _results;
    private static readonly string[] Verdicts = ["SUPPORTED", "REFUTED", "DISPUTED", "NOT_ENOUGH_INFO"];

    private static readonly double RelevanceFloor = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestData.RepositoryRoot, "models", "nli-minilm-cross.json")))
        .RootElement.GetProperty("verdictThresholds").GetProperty("minSimilarity").GetDouble();

    private static List<(string Claim, string Label)> DevClaims(int count) => File.ReadLines(TestData.ClimateFever("dev.jsonl"))
        .Take(count)
        .Select(l => JsonDocument.Parse(l).RootElement)
        .Select(e => (e.GetProperty("claim").GetString()!, e.GetProperty("claim_label").GetString()!))
        .ToList();

    /// <summary>Ingests the evidence of the first 50 dev claims and verifies the first 20, once for the class.</summary>
    private async Task<List<JsonElement>> VerifyTwentyAsync()
    {
        await Setup.WaitAsync();
        try
        {
            if (_results is null)
            {
                var body = string.Join('\n', File.ReadLines(TestData.ClimateFever("dev.jsonl")).Take(50));
                using var upload = await fixture.Api.PostAsync("/api/ingestions?format=climate-fever",
                    new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
                Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
                var job = await upload.Content.ReadFromJsonAsync<JsonElement>();
                var done = await fixture.WaitForJobAsync(job.GetProperty("id").GetString()!);
                Assert.Equal("completed", done.GetProperty("status").GetString());

                var results = new List<JsonElement>();
                foreach (var (claim, _) in DevClaims(20))
                {
                    using var response = await fixture.Api.PostAsJsonAsync("/api/verify", new { claim, topK = 10 });
                    var text = await response.Content.ReadAsStringAsync();
                    Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
                    results.Add(JsonDocument.Parse(text).RootElement.Clone());
                }
                _results = results;
            }
            return _results;
        }
        finally
        {
            Setup.Release();
        }
    }

    [Fact]
    public async Task Twenty_climate_fever_claims_get_verdicts_with_scored_evidence_and_stage_timings()
    {
        var results = await VerifyTwentyAsync();
        var claims = DevClaims(20);
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            Assert.Equal(claims[i].Claim, result.GetProperty("claim").GetString());
            Assert.Contains(result.GetProperty("verdict").GetString(), Verdicts);
            Assert.InRange(result.GetProperty("confidence").GetDouble(), 0, 1);
            Assert.False(result.GetProperty("cached").GetBoolean());

            var evidence = result.GetProperty("evidence").EnumerateArray().ToList();
            Assert.InRange(evidence.Count, 1, 10);
            var similarities = evidence.Select(e => e.GetProperty("similarity").GetDouble()).ToList();
            Assert.Equal(similarities.OrderDescending(), similarities);
            // Evidence below the NLI model's relevance floor would count neither way, so it is not retrieved for an NLI pass.
            Assert.All(similarities, s => Assert.True(s >= RelevanceFloor - 1e-4, $"similarity {s} is below the floor {RelevanceFloor}"));
            foreach (var e in evidence)
            {
                double entail = e.GetProperty("entailment").GetDouble(), neutral = e.GetProperty("neutral").GetDouble(),
                    contra = e.GetProperty("contradiction").GetDouble();
                Assert.InRange(entail + neutral + contra, 0.999, 1.001);
                var strongest = new[] { ("entailment", entail), ("neutral", neutral), ("contradiction", contra) }.MaxBy(x => x.Item2).Item1;
                Assert.Equal(strongest, e.GetProperty("label").GetString());
                Assert.Contains(e.GetProperty("source").GetString(), new[] { "climate-fever", "truthgraph-sample" });
            }

            var timings = result.GetProperty("timings");
            var stages = new[] { "embedMs", "retrieveMs", "nliMs", "aggregateMs", "dbMs" }.Select(s => timings.GetProperty(s).GetDouble()).ToList();
            Assert.All(stages, ms => Assert.True(ms >= 0));
            Assert.True(stages[0] > 0 && stages[1] > 0 && stages[2] > 0, "embed, retrieve and NLI each take time");
            Assert.InRange(stages.Sum(), 0, timings.GetProperty("totalMs").GetDouble());
            Assert.Equal("all-minilm-l6-v2", result.GetProperty("models").GetProperty("embedding").GetString());
            Assert.Equal("nli-minilm-cross", result.GetProperty("models").GetProperty("nli").GetString());
        }

        var verdicts = results.Select(r => r.GetProperty("verdict").GetString()).ToList();
        output.WriteLine(string.Join(", ", verdicts.GroupBy(v => v).Select(g => $"{g.Key} {g.Count()}")));
        Assert.True(verdicts.Distinct().Count() > 1, "more than one verdict occurs");
    }

    [Fact]
    public async Task Shown_probabilities_and_confidence_are_calibrated_while_the_verdict_is_decided_on_the_uncalibrated_ones()
    {
        var results = await VerifyTwentyAsync();
        var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(TestData.RepositoryRoot, "models", "nli-minilm-cross.json"))).RootElement;
        var temperature = manifest.GetProperty("calibration").GetProperty("temperature").GetDouble();
        var t = manifest.GetProperty("verdictThresholds");
        var thresholds = new TruthGraph.Api.Verification.VerdictThresholds(t.GetProperty("support").GetDouble(), t.GetProperty("refute").GetDouble(),
            t.GetProperty("minSimilarity").GetDouble(), t.TryGetProperty("refuteMinSimilarity", out var floor) && floor.ValueKind == JsonValueKind.Number ? floor.GetDouble() : null,
            t.TryGetProperty("disputeMargin", out var margin) && margin.ValueKind == JsonValueKind.Number ? margin.GetDouble() : null);
        Assert.NotEqual(1, temperature);

        var withEvidence = results.Where(r => r.GetProperty("evidence").GetArrayLength() > 0).ToList();
        Assert.NotEmpty(withEvidence);
        foreach (var result in withEvidence)
        {
            var calibration = result.GetProperty("calibration");
            Assert.Equal("temperature", calibration.GetProperty("method").GetString());
            Assert.Equal(temperature, calibration.GetProperty("temperature").GetDouble());
            var deciding = new List<TruthGraph.Api.Verification.PairScores>();
            var shown = new List<TruthGraph.Api.Verification.PairScores>();
            foreach (var evidence in result.GetProperty("evidence").EnumerateArray())
            {
                var raw = evidence.GetProperty("uncalibrated");
                var (e, n, c) = (raw.GetProperty("entailment").GetDouble(), raw.GetProperty("neutral").GetDouble(), raw.GetProperty("contradiction").GetDouble());
                var expected = TruthGraph.Api.Calibration.TemperatureScaling.Apply(e, n, c, temperature);
                Assert.Equal(expected.Entailment, evidence.GetProperty("entailment").GetDouble(), 9);
                Assert.Equal(expected.Contradiction, evidence.GetProperty("contradiction").GetDouble(), 9);
                var similarity = evidence.GetProperty("similarity").GetDouble();
                deciding.Add(new(e, n, c, similarity));
                shown.Add(new(expected.Entailment, expected.Neutral, expected.Contradiction, similarity));
            }
            var decision = TruthGraph.Api.Verification.VerdictAggregator.Decide(deciding, thresholds, shown);
            Assert.Equal(TruthGraph.Api.Verification.VerdictNames.ToText(decision.Verdict), result.GetProperty("verdict").GetString());
            Assert.Equal(Math.Round(decision.Confidence, 4), result.GetProperty("confidence").GetDouble(), 4);
        }
        output.WriteLine($"{withEvidence.Count} results checked at T = {temperature}");
    }

    [Fact]
    public async Task A_claim_with_no_evidence_retrieved_is_not_enough_info_with_an_empty_evidence_list()
    {
        using var response = await fixture.Api.PostAsJsonAsync("/api/verify", new { claim = "Qwzx plorv ummtak zibbleflorp krang." });
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("NOT_ENOUGH_INFO", result.GetProperty("verdict").GetString());
        Assert.Equal(0, result.GetProperty("evidence").GetArrayLength()); // the page says "no evidence retrieved", not a probability
    }

    [Fact]
    public async Task Verifications_are_stored_listed_and_answered_from_the_cache_when_asked_again()
    {
        var results = await VerifyTwentyAsync();
        var ids = results.Select(r => r.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(20, await fixture.ScalarAsync("SELECT count(*) FROM verifications WHERE id = ANY(@ids)", ("ids", ids.ToArray())));

        var stored = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/verifications/{ids[3]}");
        Assert.Equal(results[3].GetProperty("verdict").GetString(), stored.GetProperty("verdict").GetString());
        Assert.Equal(results[3].GetProperty("evidence").GetArrayLength(), stored.GetProperty("evidence").GetArrayLength());

        var page = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/verifications?page=2&pageSize=5");
        Assert.Equal(5, page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("total").GetInt64() >= 20);
        var verdict = results[0].GetProperty("verdict").GetString();
        var filtered = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/verifications?verdict={verdict}&pageSize=100");
        Assert.All(filtered.GetProperty("items").EnumerateArray(), i => Assert.Equal(verdict, i.GetProperty("verdict").GetString()));

        using var notFound = await fixture.Api.GetAsync($"/api/verifications/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);

        var again = await fixture.Api.PostAsJsonAsync("/api/verify", new { claim = "  " + results[0].GetProperty("claim").GetString() + " ", topK = 10 });
        var cached = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(cached.GetProperty("cached").GetBoolean());
        Assert.Equal(ids[0], cached.GetProperty("id").GetGuid());
        Assert.Equal(20, await fixture.ScalarAsync("SELECT count(*) FROM verifications WHERE id = ANY(@ids)", ("ids", ids.ToArray())));
    }

    [Fact]
    public async Task A_batch_verifies_every_claim_in_one_call()
    {
        await VerifyTwentyAsync();
        // 30 claims × 10 evidence = 300 pairs: more than one NLI request holds, so the client must split them. An explicit
        // minSimilarity of -1 keeps the evidence below the model's relevance floor, which would otherwise not be retrieved.
        var claims = DevClaims(50).Skip(20).Select(c => c.Claim).ToArray();
        using var response = await fixture.Api.PostAsJsonAsync("/api/verify/batch", new { claims, topK = 10, minSimilarity = -1.0 });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        var results = JsonDocument.Parse(text).RootElement;
        Assert.Equal(claims, results.EnumerateArray().Select(r => r.GetProperty("claim").GetString()));
        Assert.True(results.EnumerateArray().Sum(r => r.GetProperty("evidence").GetArrayLength()) > HttpNliClientLimit);
        Assert.All(results.EnumerateArray(), r => Assert.Contains(r.GetProperty("verdict").GetString(), Verdicts));
    }

    private const int HttpNliClientLimit = 256;

    public static TheoryData<string, string, string> BadRequests => new()
    {
        { "/api/verify", """{"claim": ""}""", "claim" },
        { "/api/verify", """{"claim": "   \n\t "}""", "claim" },
        { "/api/verify", "{\"claim\": \"" + new string('a', 2001) + "\"}", "claim" },
        { "/api/verify", """{"claim": "Sea levels rise.", "topK": 0}""", "topK" },
        { "/api/verify", """{"claim": "Sea levels rise.", "topK": 51}""", "topK" },
        { "/api/verify", """{"claim": "Sea levels rise.", "topK": "ten"}""", "$.topK" },
        { "/api/verify", """{"claim": "Sea levels rise.", """, "$" },
        { "/api/verify", """{"topK": 3}""", "claim" },
        { "/api/verify/batch", "{\"claims\": [" + string.Join(',', Enumerable.Repeat("\"x\"", 257)) + "]}", "claims" },
        { "/api/verify/batch", """{"claims": ["fine", ""]}""", "claims[1]" },
        { "/api/verify", """{"claim": "Sea levels rise.", "nliModel": "gpt-4"}""", "nliModel" },
        { "/api/verify/batch", """{"claims": ["Sea levels rise."], "nliModel": "all-minilm-l6-v2"}""", "nliModel" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_requests_get_a_400_problem_naming_the_field_and_write_nothing(string path, string body, string field)
    {
        var before = await fixture.ScalarAsync("SELECT count(*) FROM verifications");
        using var response = await fixture.Api.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        output.WriteLine(text);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("application/problem+json", response.Content.Headers.ContentType?.ToString());
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.Contains(errors.EnumerateObject(), e => e.Name == field);
        Assert.Equal(before, await fixture.ScalarAsync("SELECT count(*) FROM verifications"));
    }
}
