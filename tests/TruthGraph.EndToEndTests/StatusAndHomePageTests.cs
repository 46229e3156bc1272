namespace TruthGraph.EndToEndTests;

/// <summary>The Status and Home pages against the running app: the inference service's models beside PostgreSQL, at phone width too.</summary>
[Collection(AppCollection.Name)]
public sealed class StatusAndHomePageTests(AppFixture fixture, BrowserFixture browser)
{
    private const float CircuitStartMs = 30_000;

    [Fact]
    public async Task The_status_page_lists_the_inference_models_and_fits_a_phone()
    {
        using var inference = fixture.CreateHttpClient("inference");
        var models = (await inference.GetFromJsonAsync<JsonElement>("/v1/models")).GetProperty("data").EnumerateArray()
            .Select(m => m.GetProperty("id").GetString()!).ToList();
        var page = await browser.NewPageAsync(390, 844);
        await page.GotoAsync(fixture.WebUrl("/status"));

        await Assertions.Expect(page.GetByTestId("hnsw-indexes")).ToBeVisibleAsync(new() { Timeout = CircuitStartMs });
        await Assertions.Expect(page.GetByTestId("model-health-row")).ToHaveCountAsync(models.Count, new() { Timeout = CircuitStartMs });
        foreach (var id in models)
        {
            await Assertions.Expect(page.Locator($"[data-testid=model-health-row][data-model='{id}']")).ToHaveCountAsync(1);
        }
        await BrowserFixture.SaveScreenshotAsync(page, "status-page-phone");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "nothing is wider than a phone");
        var indexes = await page.GetByTestId("hnsw-indexes").EvaluateAsync<double>("cell => cell.scrollWidth - cell.clientWidth");
        Assert.True(indexes <= 1, $"{indexes}px of the index names are cut off");
    }

    [Fact]
    public async Task The_home_page_shows_the_corpus_size_the_models_and_the_latest_verification()
    {
        await fixture.WaitForSampleCorpusAsync();
        using var api = fixture.CreateHttpClient("api");
        var claim = $"Honey never spoils (home page test {Guid.NewGuid():N})";
        (await api.PostAsJsonAsync("/api/verify", new { claim })).EnsureSuccessStatusCode();
        var stats = await api.GetFromJsonAsync<JsonElement>("/api/evidence/stats");
        var page = await browser.NewPageAsync();
        await page.GotoAsync(fixture.WebUrl("/"));

        await Assertions.Expect(page.GetByTestId("home-corpus-sentences"))
            .ToHaveTextAsync(stats.GetProperty("totalSentences").GetInt64().ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " sentences", new() { Timeout = CircuitStartMs });
        await Assertions.Expect(page.GetByTestId("home-models").GetByTestId("model-health-row").First).ToBeVisibleAsync();
        var latest = page.GetByTestId("home-recent-item").First;
        await Assertions.Expect(latest).ToContainTextAsync(claim);
        await BrowserFixture.SaveScreenshotAsync(page, "home-page");
        await latest.Locator("a").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/history/[0-9a-f-]{36}$"));
    }
}
