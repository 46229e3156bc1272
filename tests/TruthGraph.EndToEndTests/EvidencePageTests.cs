using System.Text.RegularExpressions;

namespace TruthGraph.EndToEndTests;

/// <summary>The dashboard's Evidence page in a real browser: a file upload with bad lines, its live progress, counts, browsing, search and removal.</summary>
[Collection(AppCollection.Name)]
public sealed class EvidencePageTests(AppFixture fixture, BrowserFixture browser)
{
    // 1-based line numbers of the two bad lines; the API numbers lines the same way.
    private const int EmptyTextLine = 5;
    private const int BrokenJsonLine = 17;

    [Fact]
    public async Task Uploading_a_json_lines_file_shows_progress_to_completion_the_rejected_lines_and_new_counts_and_sources()
    {
        // A marker unique to this run: the sentences are new to the corpus (inserted, not skipped) and findable by search.
        var marker = $"zq{Guid.NewGuid():N}"[..12];
        var path = Path.Combine(Path.GetTempPath(), $"evidence-{marker}.jsonl");
        var lines = Enumerable.Range(1, 30).Select(n => n switch
        {
            EmptyTextLine => """{"text": ""}""",
            BrokenJsonLine => """{"text": "unterminated""",
            _ => $$"""{"id": "{{marker}}-{{n}}", "text": "Observation {{n}} of the {{marker}} survey: the glacier retreated {{n * 3}} metres this year."}""",
        });
        await File.WriteAllLinesAsync(path, lines);
        try
        {
            var page = await browser.NewAdminPageAsync(fixture.WebUrl("/account/signin"));
            await page.GotoAsync(new Uri(fixture.App.GetEndpoint("web", "http"), "/evidence").ToString());
            var upload = page.GetByTestId("evidence-upload");
            await Assertions.Expect(upload).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByTestId("corpus-table").Or(page.GetByTestId("corpus-empty"))).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(page.GetByTestId("corpus-source").Filter(new() { HasTextRegex = new Regex("^upload$") })).ToHaveCountAsync(0);

            await EvidenceUploadForm.ChooseFileAsync(page, upload, path);
            await page.GetByTestId("evidence-upload-button").ClickAsync();

            var progress = page.GetByTestId("ingestion-progress");
            await Assertions.Expect(progress).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 90_000 });
            await Assertions.Expect(page.GetByTestId("ingestion-counts")).ToContainTextAsync("28 of 28 sentences (100%)");
            await Assertions.Expect(page.GetByTestId("ingestion-summary")).ToContainTextAsync("28 inserted");
            await Assertions.Expect(page.GetByTestId("ingestion-summary")).ToContainTextAsync("2 rejected");
            await Assertions.Expect(page.GetByTestId("rejected-line")).ToHaveTextAsync([EmptyTextLine.ToString(), BrokenJsonLine.ToString()]);

            // The counts refresh by themselves once the job finishes: the upload's default source appears with its 28 sentences.
            var uploadRow = page.GetByTestId("corpus-table").Locator("tr").Filter(new() { Has = page.GetByTestId("corpus-source").Filter(new() { HasTextRegex = new Regex("^upload$") }) });
            await Assertions.Expect(uploadRow).ToContainTextAsync("28", new() { Timeout = 10_000 });
            await BrowserFixture.SaveScreenshotAsync(page, "evidence-page");

            // The browser's source list follows the same counts: the new source can be read at once, without a reload.
            await page.GetByTestId("browse-source").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex("^upload$") }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("browse-position")).ToContainTextAsync("28 sentences", new() { Timeout = 10_000 });

            // MudTextField puts the test id on the <input> itself (or, in other versions, on a wrapper): accept either.
            await page.Locator("input[data-testid=search-input], [data-testid=search-input] input").FillAsync($"{marker} survey glacier retreated 21 metres");
            await page.GetByTestId("search-button").ClickAsync();
            var hits = page.GetByTestId("search-hit");
            await Assertions.Expect(hits.First).ToBeVisibleAsync(new() { Timeout = 30_000 });
            await Assertions.Expect(hits.Filter(new() { HasText = marker }).First).ToBeVisibleAsync();

            // Removing the source asks first, then takes its sentences out of the counts.
            await uploadRow.GetByTestId("corpus-remove").ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();
            await Assertions.Expect(page.GetByText("Removed 'upload': 28 sentences")).ToBeVisibleAsync(new() { Timeout = 10_000 });
            await Assertions.Expect(uploadRow).ToHaveCountAsync(0);
            // … and the browser lets go of the source that is gone.
            await Assertions.Expect(page.GetByTestId("browse-position")).ToHaveCountAsync(0, new() { Timeout = 10_000 });

            await page.SetViewportSizeAsync(390, 844);
            // MudBlazor's layout reacts to the resize through a debounced JS listener: let it close the drawer first.
            await page.WaitForTimeoutAsync(1_000);
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "nothing is wider than a phone");
            await BrowserFixture.SaveScreenshotAsync(page, "evidence-page-phone");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
