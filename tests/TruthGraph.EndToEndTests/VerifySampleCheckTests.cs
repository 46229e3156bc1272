namespace TruthGraph.EndToEndTests;

/// <summary>The Verify page's "Check all sample claims": every claim verified, and its count agrees with the API's own verdicts.</summary>
[Collection(AppCollection.Name)]
public sealed class VerifySampleCheckTests(AppFixture fixture, BrowserFixture browser, ITestOutputHelper output)
{
    private const float CircuitStartMs = 30_000;

    [Fact]
    public async Task Checking_all_sample_claims_reports_the_count_the_api_gives_and_lists_each_miss()
    {
        await fixture.WaitForSampleCorpusAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(fixture.WebUrl("/verify"));
        await Assertions.Expect(page.GetByTestId("verify-form")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = CircuitStartMs });
        var chips = page.GetByTestId("example-claims").Locator(".mud-chip");
        await Assertions.Expect(chips.First).ToBeVisibleAsync(new() { Timeout = CircuitStartMs });
        var shownVerdicts = await chips.EvaluateAllAsync<string[]>("chips => chips.map(c => c.dataset.expectedVerdict)");
        Assert.Equal(4, shownVerdicts.Distinct().Count());

        await page.GetByTestId("sample-check-button").ClickAsync();
        var result = page.GetByTestId("sample-check-result");
        await Assertions.Expect(result).ToBeVisibleAsync(new() { Timeout = 300_000 });

        var asExpected = int.Parse(await result.GetAttributeAsync("data-as-expected") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        output.WriteLine(await result.InnerTextAsync());
        await Assertions.Expect(result).ToContainTextAsync($"{asExpected} of 38 sample claims got the expected verdict");
        // The same claims through the API (answered from the result cache): the page's count is the API's, not its own guess.
        var expected = await ApiCountAsync();
        Assert.Equal(expected.Right, asExpected);
        var missRows = page.GetByTestId("sample-check-misses").Locator("tbody tr");
        Assert.Equal(38 - asExpected, await missRows.CountAsync());
        foreach (var claim in expected.Wrong)
        {
            await Assertions.Expect(page.GetByTestId("sample-check-misses")).ToContainTextAsync(claim);
        }
        await BrowserFixture.SaveScreenshotAsync(page, "verify-sample-check");
    }

    private async Task<(int Right, List<string> Wrong)> ApiCountAsync()
    {
        using var api = fixture.CreateHttpClient("api");
        var samples = await api.GetFromJsonAsync<JsonElement>("/api/samples/claims");
        var claims = samples.EnumerateArray().Select(s => (Claim: s.GetProperty("claim").GetString()!,
            Expected: s.GetProperty("expectedVerdict").GetString()!.Replace(' ', '_'))).ToList();
        using var response = await api.PostAsJsonAsync("/api/verify/batch", new { claims = claims.Select(c => c.Claim), topK = 10 });
        response.EnsureSuccessStatusCode();
        var verdicts = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(r => r.GetProperty("verdict").GetString()).ToList();
        var wrong = claims.Where((c, i) => c.Expected != verdicts[i]).Select(c => c.Claim).ToList();
        return (claims.Count - wrong.Count, wrong);
    }
}
