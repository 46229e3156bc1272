namespace TruthGraph.EndToEndTests;

/// <summary>
/// What the history reads back: a stored verification keeps the stage timings it was answered with, a row stored
/// before timings were kept says it has none (rather than zeros), and the dashboard has an icon.
/// </summary>
public sealed class StoredTimingsTests(EvidenceAppFixture fixture) : IClassFixture<EvidenceAppFixture>
{
    private static readonly string[] Stages = ["embedMs", "retrieveMs", "aggregateMs", "dbMs", "totalMs"];

    [Fact]
    public async Task A_stored_verification_reads_back_its_measured_timings_and_an_older_row_reads_back_none()
    {
        using var verify = await fixture.Api.PostAsJsonAsync("/api/verify", new { claim = "Sea levels are rising because oceans warm.", topK = 5 });
        verify.EnsureSuccessStatusCode();
        var answered = await verify.Content.ReadFromJsonAsync<JsonElement>();
        var id = answered.GetProperty("id").GetGuid();

        var stored = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/verifications/{id}");
        var timings = stored.GetProperty("timings");
        foreach (var stage in Stages)
        {
            Assert.True(timings.GetProperty(stage).GetDouble() > 0, $"{stage} is measured: {timings}");
            Assert.Equal(answered.GetProperty("timings").GetProperty(stage).GetDouble(), timings.GetProperty(stage).GetDouble());
        }

        // A row as the API wrote it before migration 0004: zeros inside the result document, no timings column value.
        var older = Guid.CreateVersion7();
        Assert.Equal(1, await fixture.ScalarAsync("""
            INSERT INTO verifications (id, claim, verdict, confidence, result, created_at)
            SELECT @older, claim, verdict, confidence,
                   result || jsonb_build_object('id', @older::text, 'timings', jsonb_build_object(
                       'embedMs', 0, 'retrieveMs', 0, 'nliMs', 0, 'aggregateMs', 0, 'dbMs', 0, 'totalMs', 0, 'overheadMs', 0)),
                   created_at
            FROM verifications WHERE id = @id
            RETURNING 1
            """, ("older", older), ("id", id)));

        var legacy = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/verifications/{older}");
        Assert.Equal(older, legacy.GetProperty("id").GetGuid());
        Assert.True(!legacy.TryGetProperty("timings", out var none) || none.ValueKind == JsonValueKind.Null, $"no timings: {legacy}");
    }

    [Fact]
    public async Task The_dashboard_links_an_icon_and_favicon_ico_leads_to_it()
    {
        using var web = fixture.App.CreateHttpClient("web");

        var home = await web.GetStringAsync("/");
        Assert.Contains("rel=\"icon\"", home);

        using var icon = await web.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await icon.Content.ReadAsStringAsync());
    }
}
