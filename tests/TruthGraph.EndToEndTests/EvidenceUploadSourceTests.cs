using System.Text.RegularExpressions;

namespace TruthGraph.EndToEndTests;

/// <summary>An upload from the Evidence page into a source named on the page, with a broken line explained in words.</summary>
[Collection(AppCollection.Name)]
public sealed class EvidenceUploadSourceTests(AppFixture fixture, BrowserFixture browser)
{
    [Fact]
    public async Task An_upload_lands_in_the_named_source_and_a_broken_line_reads_as_a_sentence()
    {
        var marker = $"src{Guid.NewGuid():N}"[..12];
        var path = Path.Combine(Path.GetTempPath(), $"evidence-{marker}.jsonl");
        await File.WriteAllLinesAsync(path,
        [
            $$"""{"id": "{{marker}}-1", "text": "The {{marker}} lighthouse was built in 1874."}""",
            """{"text": "unterminated""",
            $$"""{"id": "{{marker}}-3", "text": "The {{marker}} lighthouse is 31 metres tall."}""",
        ]);
        try
        {
            // Uploading is an admin action.
            var page = await browser.NewAdminPageAsync(fixture.WebUrl("/account/signin"));
            await page.GotoAsync(fixture.WebUrl("/evidence"));
            var upload = page.GetByTestId("evidence-upload");
            await Assertions.Expect(upload).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
            await upload.Locator("input[data-testid=evidence-source], [data-testid=evidence-source] input").FillAsync(marker);
            await EvidenceUploadForm.ChooseFileAsync(page, upload, path);
            await page.GetByTestId("evidence-upload-button").ClickAsync();

            await Assertions.Expect(page.GetByTestId("ingestion-progress")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 90_000 });
            var reason = page.GetByTestId("rejected-lines").Locator("tbody tr").First;
            await Assertions.Expect(reason).ToContainTextAsync("is not valid JSON at character");
            Assert.DoesNotMatch("LineNumber|BytePositionInLine", await reason.InnerTextAsync());
            var sourceRow = page.GetByTestId("corpus-table").Locator("tr")
                .Filter(new() { Has = page.GetByTestId("corpus-source").Filter(new() { HasTextRegex = new Regex($"^{marker}$") }) });
            await Assertions.Expect(sourceRow).ToContainTextAsync("2", new() { Timeout = 10_000 });
            await BrowserFixture.SaveScreenshotAsync(page, "evidence-upload-named-source");

            using var api = fixture.CreateHttpClient("api");
            var stats = await api.GetFromJsonAsync<JsonElement>("/api/evidence/stats");
            var source = stats.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("source").GetString() == marker);
            Assert.Equal(2, source.GetProperty("sentences").GetInt64());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_search_lists_no_hit_below_the_default_similarity_floor_and_names_origins_without_hashes()
    {
        await fixture.WaitForSampleCorpusAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(fixture.WebUrl("/evidence"));
        await Assertions.Expect(page.GetByTestId("evidence-upload")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });

        await page.Locator("input[data-testid=search-input], [data-testid=search-input] input").FillAsync("Which planet has the most moons?");
        await page.GetByTestId("search-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("search-results").Or(page.GetByTestId("search-empty"))).ToBeVisibleAsync(new() { Timeout = 30_000 });

        var similarities = await page.GetByTestId("search-similarity").AllInnerTextsAsync();
        Assert.NotEmpty(similarities);
        Assert.All(similarities, s => Assert.True(double.Parse(s, System.Globalization.CultureInfo.InvariantCulture) >= 0.30, $"a hit at {s}"));
        Assert.All(await page.GetByTestId("search-origin").AllInnerTextsAsync(), o => Assert.DoesNotContain("sha256:", o));
    }
}
