namespace TruthGraph.EndToEndTests;

/// <summary>The dashboard's Verify page in a real browser, against the app started through Aspire testing.</summary>
[Collection(AppCollection.Name)]
public sealed class VerifyPageTests(AppFixture fixture, BrowserFixture browser)
{
    /// <summary>How long an element may take to appear: the interactive circuit starts after the prerendered page shows.</summary>
    private const float CircuitStartMs = 30_000;

    [Fact]
    public async Task Verifying_a_sample_claim_shows_a_verdict_chip_and_evidence_rows()
    {
        await fixture.WaitForSampleCorpusAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(fixture.WebUrl("/verify"));

        // Example chips render only once the interactive circuit has loaded the samples; clicking one verifies it.
        var examples = page.GetByTestId("example-claims").Locator(".mud-chip");
        await Assertions.Expect(examples.First).ToBeVisibleAsync(new() { Timeout = CircuitStartMs });
        await Assertions.Expect(page.GetByTestId("verify-form")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = CircuitStartMs });
        var claim = await examples.First.GetByTestId("example-claim-text").InnerTextAsync();
        await examples.First.ClickAsync();

        var verdict = page.GetByTestId("verdict-chip");
        await Assertions.Expect(verdict).ToBeVisibleAsync(new() { Timeout = CircuitStartMs });
        await Assertions.Expect(verdict).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("SUPPORTED|REFUTED|DISPUTED|NOT ENOUGH INFO"));
        Assert.True(await page.GetByTestId("evidence-row").CountAsync() >= 1);
        await Assertions.Expect(page.GetByTestId("verification-result")).ToContainTextAsync(claim.Trim());
        await Assertions.Expect(page.GetByTestId("stage-breakdown")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("trace-link")).ToBeVisibleAsync();
        // The page names the NLI model that decided, and offers the fast one.
        await Assertions.Expect(page.GetByTestId("nli-model-used")).ToHaveTextAsync("nli-minilm-cross");
        await Assertions.Expect(page.GetByTestId("nli-model-select")).ToBeVisibleAsync();
        await BrowserFixture.SaveScreenshotAsync(page, "verify-page");

        await page.SetViewportSizeAsync(390, 844);
        await BrowserFixture.SaveScreenshotAsync(page, "verify-page-phone");
        await page.SetViewportSizeAsync(1280, 800);

        // The verification is in the history (found by its words: a claim answered from the result cache is not stored
        // again, so after other tests its row may be past the first page); opening it shows the same verdict and evidence.
        await page.GotoAsync(fixture.WebUrl("/history"));
        await Assertions.Expect(page.GetByTestId("history-table")).ToBeVisibleAsync(new() { Timeout = CircuitStartMs });
        // The prerendered table is replaced once the circuit starts; wait for the live one before typing.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GetByTestId("history-search").FillAsync(claim.Trim());
        var row = page.GetByTestId("history-row").Filter(new() { HasText = claim.Trim() }).First;
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = CircuitStartMs });
        await BrowserFixture.SaveScreenshotAsync(page, "history-page");
        await row.ClickAsync();
        await Assertions.Expect(page.GetByTestId("verification-result")).ToContainTextAsync(claim.Trim(), new() { Timeout = CircuitStartMs });
        Assert.True(await page.GetByTestId("evidence-row").CountAsync() >= 1);
    }
}
