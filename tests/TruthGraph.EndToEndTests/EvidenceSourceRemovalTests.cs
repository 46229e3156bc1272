namespace TruthGraph.EndToEndTests;

/// <summary>
/// Removing a source from the corpus through the real API and PostgreSQL: only with the key, all of it in one go, the
/// corpus version moves so cached verdicts are not served, and never under an ingestion that is still writing into it.
/// </summary>
public sealed class EvidenceSourceRemovalTests(EvidenceAppFixture fixture) : IClassFixture<EvidenceAppFixture>
{
    private async Task<string> UploadAsync(string source, IEnumerable<string> texts)
    {
        var body = string.Join('\n', texts.Select((text, i) => JsonSerializer.Serialize(new { id = $"s{i}", text, title = $"Document {i % 3}" })));
        using var response = await fixture.Api.PostAsync($"/api/ingestions?format=jsonl&source={Uri.EscapeDataString(source)}",
            new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private Task<long> CountAsync(string table, string source) =>
        fixture.ScalarAsync($"SELECT count(*) FROM {table} WHERE source = @s", ("s", source));

    [Fact]
    public async Task A_source_is_removed_whole_only_with_the_key_and_its_sentences_stop_being_found()
    {
        // A slash in the name, as in "agency/report": it travels escaped in the removal's path.
        var source = $"e2e/removal-{Guid.NewGuid():N}";
        const string Distinctive = "The Kessler-Varga glacier on the island of Ostrava retreated 412 metres between 1990 and 2020.";
        var job = await fixture.WaitForJobAsync(await UploadAsync(source,
            [Distinctive, "Fjord water near the glacier warmed by 1.3 degrees over the same period.", "Local records start in 1961."]));
        Assert.Equal("completed", job.GetProperty("status").GetString());
        var sentences = await CountAsync("evidence", source);
        var documents = await CountAsync("documents", source);
        Assert.Equal(3, sentences);
        Assert.True(documents > 0, "the upload stored its documents");

        // Without the key: 401, and the rows are still there.
        using (var anonymous = fixture.App.CreateHttpClient("api"))
        using (var refused = await anonymous.DeleteAsync($"/api/evidence/sources/{Uri.EscapeDataString(source)}"))
        {
            await ProblemAsync(refused, HttpStatusCode.Unauthorized);
        }
        Assert.Equal(sentences, await CountAsync("evidence", source));

        var before = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/evidence/stats");
        using (var removed = await fixture.Api.DeleteAsync($"/api/evidence/sources/{Uri.EscapeDataString(source)}"))
        {
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
            var body = await removed.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(source, body.GetProperty("source").GetString());
            Assert.Equal(sentences, body.GetProperty("sentences").GetInt64());
            Assert.Equal(documents, body.GetProperty("documents").GetInt64());
            Assert.True(body.GetProperty("corpusVersion").GetInt64() > before.GetProperty("corpusVersion").GetInt64(), "the corpus version moves");
        }
        Assert.Equal(0, await CountAsync("evidence", source));
        Assert.Equal(0, await CountAsync("documents", source));
        var after = await fixture.Api.GetFromJsonAsync<JsonElement>("/api/evidence/stats");
        Assert.DoesNotContain(after.GetProperty("sources").EnumerateArray(), s => s.GetProperty("source").GetString() == source);
        Assert.Equal(before.GetProperty("totalSentences").GetInt64() - sentences, after.GetProperty("totalSentences").GetInt64());

        var search = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/evidence/search?q={Uri.EscapeDataString(Distinctive)}&k=5");
        Assert.DoesNotContain(search.GetProperty("hits").EnumerateArray(), h => h.GetProperty("source").GetString() == source);

        // Gone is gone: a second removal is a 404 naming the source.
        using var again = await fixture.Api.DeleteAsync($"/api/evidence/sources/{Uri.EscapeDataString(source)}");
        Assert.Equal(source, (await ProblemAsync(again, HttpStatusCode.NotFound)).GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_source_being_ingested_is_not_removed_until_its_ingestion_has_finished()
    {
        var source = $"e2e-removal-busy-{Guid.NewGuid():N}";
        // 600 distinct sentences take a few seconds to embed here, so the job is still queued or running when the
        // removal arrives a few milliseconds after the upload was accepted.
        var texts = Enumerable.Range(1, 600).Select(i => $"Station {i} recorded a mean July temperature of {10 + i % 17}.{i % 10} degrees in {1950 + i % 70}.");
        var jobId = await UploadAsync(source, texts);

        using (var busy = await fixture.Api.DeleteAsync($"/api/evidence/sources/{Uri.EscapeDataString(source)}"))
        {
            var problem = await ProblemAsync(busy, HttpStatusCode.Conflict);
            Assert.Equal(source, problem.GetProperty("source").GetString());
            Assert.Contains("ingestion", problem.GetProperty("detail").GetString());
        }

        var job = await fixture.WaitForJobAsync(jobId);
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(600, await CountAsync("evidence", source));

        using var removed = await fixture.Api.DeleteAsync($"/api/evidence/sources/{Uri.EscapeDataString(source)}");
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal(600, (await removed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sentences").GetInt64());
        Assert.Equal(0, await CountAsync("evidence", source));
    }

    [Theory]
    [InlineData("%20%20")]
    [InlineData("bad%1Bsource")] // ESC; Kestrel itself refuses a NUL in a path before any endpoint sees it
    public async Task A_malformed_source_name_is_a_400_naming_the_field(string source)
    {
        using var response = await fixture.Api.DeleteAsync($"/api/evidence/sources/{source}");
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("source", out _), problem.ToString());
    }

    [Fact]
    public async Task An_over_long_source_name_is_a_400_naming_the_field()
    {
        using var response = await fixture.Api.DeleteAsync($"/api/evidence/sources/{new string('s', 101)}");
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("source", out _), problem.ToString());
    }
}
