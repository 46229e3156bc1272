namespace TruthGraph.EndToEndTests;

/// <summary>
/// What users of a fact-checker expect around single verdicts, against the real API and PostgreSQL: searching the history,
/// exporting it, and telling the service that a verdict is wrong.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class HistoryExportTests(AppFixture fixture)
{
    private async Task<JsonElement> VerifyAsync(HttpClient api, string claim)
    {
        using var response = await api.PostAsJsonAsync("/api/verify", new { claim });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task The_history_is_searched_by_words_of_the_claim_verdict_and_dates_and_exported_as_csv_and_json()
    {
        await fixture.WaitForSampleCorpusAsync();
        using var api = fixture.CreateHttpClient("api");
        var marker = $"zq{Guid.NewGuid():N}"[..10];
        var refuted = await VerifyAsync(api, $"Sound can travel through a vacuum {marker}.");
        await VerifyAsync(api, $"Glaciers_are 100% retreating {marker}.");

        var all = await api.GetFromJsonAsync<JsonElement>($"/api/verifications?q={marker.ToUpperInvariant()}");
        Assert.Equal(2, all.GetProperty("total").GetInt64());
        // % and _ are the user's characters, not wildcards.
        Assert.Equal(1, (await api.GetFromJsonAsync<JsonElement>($"/api/verifications?q={Uri.EscapeDataString("_are 100%")}")).GetProperty("total").GetInt64());
        var verdict = refuted.GetProperty("verdict").GetString();
        var byVerdict = await api.GetFromJsonAsync<JsonElement>($"/api/verifications?q={marker}&verdict={verdict}");
        Assert.Contains(refuted.GetProperty("id").GetGuid(), byVerdict.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        Assert.Equal(2, (await api.GetFromJsonAsync<JsonElement>($"/api/verifications?q={marker}&from={today}&to={today}")).GetProperty("total").GetInt64());
        Assert.Equal(0, (await api.GetFromJsonAsync<JsonElement>($"/api/verifications?q={marker}&to=2020-01-01")).GetProperty("total").GetInt64());

        using var csv = await api.GetAsync($"/api/verifications/export?format=csv&q={marker}");
        csv.EnsureSuccessStatusCode();
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".csv", csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await csv.Content.ReadAsStringAsync()).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal("id,created_at,claim,verdict,confidence,user_label,reason,deciding_evidence,evidence_count,nli_model,total_ms,trace_id", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.StartsWith(refuted.GetProperty("id").GetString()!, StringComparison.Ordinal) && l.Contains(verdict!, StringComparison.Ordinal));

        var json = await api.GetFromJsonAsync<JsonElement>($"/api/verifications/export?format=json&q={marker}");
        Assert.Equal(2, json.GetArrayLength());
        Assert.All(json.EnumerateArray(), e => Assert.Contains(marker, e.GetProperty("verification").GetProperty("claim").GetString()));
    }

    [Fact]
    public async Task A_wrong_verdict_label_is_stored_with_its_verification_exported_and_bad_labels_are_refused_by_field()
    {
        await fixture.WaitForSampleCorpusAsync();
        using var api = fixture.CreateHttpClient("api");
        var marker = $"zl{Guid.NewGuid():N}"[..10];
        var result = await VerifyAsync(api, $"Toronto is the capital city of Canada {marker}.");
        var id = result.GetProperty("id").GetGuid();

        using var stored = await api.PostAsJsonAsync($"/api/verifications/{id}/feedback", new { expectedVerdict = "REFUTED", comment = "Ottawa is." });
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);

        var labels = (await api.GetStringAsync("/api/verifications/labels")).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var label = Assert.Single(labels, l => l.GetProperty("verificationId").GetGuid() == id);
        Assert.Equal("REFUTED", label.GetProperty("userVerdict").GetString());
        Assert.Equal(result.GetProperty("verdict").GetString(), label.GetProperty("modelVerdict").GetString());
        Assert.Equal("Ottawa is.", label.GetProperty("comment").GetString());
        Assert.NotEmpty(label.GetProperty("evidence").EnumerateArray());
        var csv = await api.GetStringAsync($"/api/verifications/export?format=csv&q={marker}");
        Assert.Contains(",REFUTED,", csv.ReplaceLineEndings("\n").Split('\n')[1][(id.ToString().Length)..]);

        await AssertRefusedAsync(api.PostAsJsonAsync($"/api/verifications/{id}/feedback", new { expectedVerdict = "MAYBE" }), "expectedVerdict");
        await AssertRefusedAsync(api.PostAsJsonAsync($"/api/verifications/{id}/feedback", new { expectedVerdict = "SUPPORTED", comment = new string('c', 1001) }), "comment");
        await AssertRefusedAsync(api.GetAsync("/api/verifications?from=yesterday"), "from");
        await AssertRefusedAsync(api.GetAsync("/api/verifications/export?format=xlsx"), "format");
        using var missing = await api.PostAsJsonAsync($"/api/verifications/{Guid.NewGuid()}/feedback", new { expectedVerdict = "SUPPORTED" });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private static async Task AssertRefusedAsync(Task<HttpResponseMessage> call, string field)
    {
        using var response = await call;
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
    }
}
