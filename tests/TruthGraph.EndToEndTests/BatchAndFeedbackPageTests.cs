namespace TruthGraph.EndToEndTests;

/// <summary>The batch page, History's search and re-run, and "this verdict is wrong", in a real browser.</summary>
[Collection(AppCollection.Name)]
public sealed class BatchAndFeedbackPageTests(AppFixture fixture, BrowserFixture browser)
{
    private const float CircuitStartMs = 30_000;

    [Fact]
    public async Task A_pasted_batch_is_verified_with_progress_shown_as_a_table_and_exported_as_csv()
    {
        await fixture.WaitForSampleCorpusAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(fixture.WebUrl("/batch"));
        await Assertions.Expect(page.GetByTestId("batch-form")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = CircuitStartMs });

        string[] claims = ["Sound can travel through a vacuum.", "Water boils at 100 degrees Celsius at sea level.", "", "The Berlin Wall fell in 1989."];
        await page.GetByTestId("batch-input").FillAsync(string.Join('\n', claims));
        await page.GetByTestId("batch-run").ClickAsync();

        await Assertions.Expect(page.GetByTestId("batch-progress")).ToHaveTextAsync("3 of 3 verified.", new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("batch-row")).ToHaveCountAsync(3);
        Assert.Equal(claims.Where(c => c.Length > 0), await page.GetByTestId("batch-row").AllInnerTextsAsync());
        await BrowserFixture.SaveScreenshotAsync(page, "batch-page");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("batch-export-csv").ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        var lines = csv.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal("claim,verdict,confidence,reason,deciding_evidence,verification_id", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("Sound can travel through a vacuum.,REFUTED,", lines[1]);

        await page.SetViewportSizeAsync(390, 844);
        await BrowserFixture.SaveScreenshotAsync(page, "batch-page-phone");
    }

    [Fact]
    public async Task History_finds_a_claim_by_its_words_reruns_it_and_takes_a_wrong_verdict_label()
    {
        await fixture.WaitForSampleCorpusAsync();
        var marker = $"zh{Guid.NewGuid():N}"[..10];
        var claim = $"Toronto is the capital city of Canada ({marker}).";
        using (var api = fixture.CreateHttpClient("api"))
        {
            (await api.PostAsJsonAsync("/api/verify", new { claim })).EnsureSuccessStatusCode();
        }
        var page = await browser.NewPageAsync();
        await page.GotoAsync(fixture.WebUrl("/history"));
        var search = page.GetByTestId("history-search");
        await Assertions.Expect(page.GetByTestId("history-table")).ToBeVisibleAsync(new() { Timeout = CircuitStartMs });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await search.FillAsync(marker);
        await Assertions.Expect(page.GetByTestId("history-row")).ToHaveCountAsync(1, new() { Timeout = CircuitStartMs });
        await Assertions.Expect(page.GetByTestId("export-csv")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"q={marker}"));
        await BrowserFixture.SaveScreenshotAsync(page, "history-search");
        await page.SetViewportSizeAsync(390, 844);
        await BrowserFixture.SaveScreenshotAsync(page, "history-search-phone");
        await page.SetViewportSizeAsync(1280, 800);
        await page.GetByTestId("history-row").ClickAsync();

        // "This verdict is wrong": the label is stored and acknowledged.
        await page.GetByTestId("report-wrong-verdict").ClickAsync();
        // The form offers the three verdicts other than the one given; the first is as good as any for the test.
        var option = page.GetByTestId("verdict-feedback").Locator(".mud-radio").First;
        var chosen = (await option.InnerTextAsync()).Trim();
        Assert.NotEqual((await page.GetByTestId("verdict-chip").InnerTextAsync()).Split('·')[0].Trim(), chosen);
        await option.ClickAsync();
        await page.GetByTestId("submit-feedback").ClickAsync();
        await Assertions.Expect(page.GetByTestId("feedback-stored")).ToContainTextAsync(chosen, new() { Timeout = CircuitStartMs });
        using (var api = fixture.CreateHttpClient("api"))
        {
            Assert.Contains(marker, await api.GetStringAsync("/api/verifications/labels"));
        }

        // Verify again runs the stored claim on the Verify page.
        await page.GetByTestId("rerun").ClickAsync();
        await Assertions.Expect(page.GetByTestId("verification-result")).ToContainTextAsync(claim, new() { Timeout = CircuitStartMs });
        Assert.Contains("/verify?claim=", page.Url);
    }
}
