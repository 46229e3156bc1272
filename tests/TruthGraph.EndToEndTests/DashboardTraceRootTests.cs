namespace TruthGraph.EndToEndTests;

/// <summary>
/// A verification started on the Verify page: its trace starts at the dashboard's own "verify claim" span, which the
/// API's spans hang under, not at the Blazor event handler that the click ran.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DashboardTraceRootTests(AppFixture fixture, BrowserFixture browser)
{
    [Fact]
    public async Task A_dashboard_verification_trace_is_rooted_in_a_verify_claim_span_that_the_api_spans_hang_under()
    {
        await fixture.WaitForSampleCorpusAsync();
        var claim = $"Penguins live mostly in the Southern Hemisphere (root span test {Guid.NewGuid():N})"[..90];
        var page = await browser.NewPageAsync();
        await page.GotoAsync(fixture.WebUrl("/verify"));
        await Assertions.Expect(page.GetByTestId("verify-form")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
        await page.GetByTestId("verify-form").Locator("textarea").First.FillAsync(claim);
        await page.GetByTestId("verify-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("verdict-chip")).ToBeVisibleAsync(new() { Timeout = 60_000 });

        await page.GetByTestId("trace-link").ClickAsync();
        await Assertions.Expect(page.GetByTestId("span-timeline")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var traceId = await page.GetByTestId("trace-id").InnerTextAsync();

        // The timeline lists the root first; the header names the trace after it.
        var root = page.GetByTestId("span-row").First;
        await Assertions.Expect(root.GetByTestId("span-name")).ToHaveTextAsync("verify claim");
        await Assertions.Expect(root).ToHaveAttributeAsync("data-source", "truthgraph.dashboard");
        await Assertions.Expect(page.GetByTestId("trace-detail")).ToContainTextAsync($"verify claim · trace {traceId}");
        await Assertions.Expect(page.GetByTestId("span-name").GetByText("Event ", new() { Exact = false })).ToHaveCountAsync(0);

        // The API's share of the trace: its top span's parent is a span the API does not have, the dashboard's root.
        using var api = fixture.CreateHttpClient("api");
        var trace = await api.GetFromJsonAsync<JsonElement>($"/api/traces/{traceId}");
        var apiSpans = trace.GetProperty("spans").EnumerateArray().Where(s => s.GetProperty("service").GetString() == "api").ToList();
        var apiIds = apiSpans.Select(s => s.GetProperty("spanId").GetString()).ToHashSet();
        var apiTop = Assert.Single(apiSpans, s => s.GetProperty("parentSpanId").GetString() is { } parent && !apiIds.Contains(parent));
        Assert.StartsWith("POST", apiTop.GetProperty("name").GetString());
        await BrowserFixture.SaveScreenshotAsync(page, "trace-page-dashboard-root");
    }
}
