using System.Text.RegularExpressions;

namespace TruthGraph.EndToEndTests;

/// <summary>The dashboard's Models page in a real browser, reading the inference service directly.</summary>
[Collection(AppCollection.Name)]
public sealed class ModelsPageTests(AppFixture fixture, BrowserFixture browser)
{
    private const string EmbeddingModel = "all-minilm-l6-v2";
    private const string NliModel = "nli-minilm-cross";

    [Fact]
    public async Task The_models_page_lists_the_embedding_model_and_warming_it_up_shows_it_loaded_with_its_device()
    {
        var page = await browser.NewAdminPageAsync(fixture.WebUrl("/account/signin"));
        await page.GotoAsync(fixture.WebUrl("/models"));
        var table = page.GetByTestId("models-table");
        await Assertions.Expect(table).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });

        var row = table.Locator("tr").Filter(new() { Has = page.GetByTestId("model-id").Filter(new() { HasText = EmbeddingModel }) });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        Assert.True(await page.GetByTestId("model-id").CountAsync() >= 2, "the catalogue lists the NLI models too");

        await row.GetByTestId("model-warmup").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"{EmbeddingModel} warmed up", new() { Timeout = 60_000 });
        await Assertions.Expect(row.GetByTestId("model-state")).ToHaveTextAsync(new Regex(@"^\s*loaded"));
        await Assertions.Expect(row.GetByTestId("model-device")).ToHaveTextAsync(new Regex(@"^\s*(cpu|cuda)", RegexOptions.IgnoreCase));
        await Assertions.Expect(row.GetByTestId("model-device-reason")).Not.ToBeEmptyAsync();
        await Assertions.Expect(row.GetByTestId("model-unload")).ToBeEnabledAsync();
        await Assertions.Expect(row.GetByTestId("model-in-use")).ToHaveTextAsync("used by verification");

        // The NLI model verification uses shows the accuracy its manifest recorded.
        var manifest = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(TestData.RepositoryRoot, "models", $"{NliModel}.json")));
        var pairF1 = manifest.RootElement.GetProperty("metrics").GetProperty("climateFeverDev").GetProperty("pairMacroF1").GetDouble();
        var nliRow = table.Locator("tr").Filter(new() { Has = page.GetByTestId("model-id").Filter(new() { HasTextRegex = new Regex($"^\\s*{NliModel}\\b") }) });
        await Assertions.Expect(nliRow.GetByTestId("model-in-use")).ToBeVisibleAsync();
        await Assertions.Expect(nliRow.GetByTestId("model-accuracy")).ToContainTextAsync($"pair F1 {pairF1.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)}");
        // ... and the common-sense contrast set's verdict accuracy measured through the pipeline.
        var contrast = manifest.RootElement.GetProperty("metrics").GetProperty("contrastSet").GetProperty("accuracy").GetDouble();
        await Assertions.Expect(nliRow.GetByTestId("model-contrast-accuracy")).ToHaveTextAsync($"common sense {(contrast * 100).ToString("0", System.Globalization.CultureInfo.InvariantCulture)}%");
        await BrowserFixture.SaveScreenshotAsync(page, "models-page");

        await page.SetViewportSizeAsync(390, 844);
        // MudBlazor's layout reacts to the resize through a debounced JS listener: let it close the drawer first.
        await page.WaitForTimeoutAsync(1_000);
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "nothing is wider than a phone");
        await BrowserFixture.SaveScreenshotAsync(page, "models-page-phone");
    }

    [Theory]
    [InlineData("nli-minilm-cross")]
    [InlineData("nli-minilm-head")]
    public async Task The_models_page_draws_each_nli_models_reliability_diagram_with_its_ece_before_and_after(string model)
    {
        var manifest = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(TestData.RepositoryRoot, "models", $"{model}.json")));
        var calibration = manifest.RootElement.GetProperty("calibration");
        string Figure(string name) => calibration.GetProperty(name).GetDouble().ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(fixture.WebUrl("/models"));

        var diagram = page.Locator($"[data-testid=reliability-diagram][data-model='{model}']");
        await WaitThroughAnOpenCircuitAsync(page, diagram);
        await Assertions.Expect(diagram.GetByTestId("ece-before")).ToHaveTextAsync(Figure("eceBefore"));
        await Assertions.Expect(diagram.GetByTestId("ece-after")).ToHaveTextAsync(Figure("eceAfter"));
        await Assertions.Expect(diagram.GetByTestId("calibration-ece")).ToContainTextAsync($"T = {calibration.GetProperty("temperature").GetDouble().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)}");
        var chart = diagram.GetByTestId("reliability-chart");
        var bins = calibration.GetProperty("reliabilityAfter").GetArrayLength();
        Assert.Equal(bins, (await chart.GetAttributeAsync("data-after"))!.Split(';').Length);
        Assert.True(await chart.Locator("svg circle").CountAsync() >= bins, "a point per bin after calibration");
        await diagram.ScrollIntoViewIfNeededAsync();
        await BrowserFixture.SaveScreenshotAsync(page, $"models-calibration-{model}");
    }

    /// <summary>
    /// Waits for <paramref name="target"/>. The collection's fault tests stop the inference service, and the dashboard's
    /// resilience handler may still hold its circuit open (a 5 s break) when this page loads; the page then says the
    /// service cannot be reached and offers Retry, which is what a person would press, so the test presses it too.
    /// </summary>
    private static async Task WaitThroughAnOpenCircuitAsync(IPage page, ILocator target)
    {
        var error = page.GetByTestId("models-error");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await target.IsVisibleAsync())
        {
            Assert.True(DateTime.UtcNow < deadline, "the reliability diagram did not appear within 30 s");
            if (await error.IsVisibleAsync())
            {
                await page.WaitForTimeoutAsync(1_000);
                try
                {
                    await error.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync(new() { Timeout = 2_000 });
                }
                catch (PlaywrightException)
                {
                    // The page reloaded by itself in the meantime (the interactive render loads again): nothing to press.
                }
            }
            await page.WaitForTimeoutAsync(250);
        }
    }
}
