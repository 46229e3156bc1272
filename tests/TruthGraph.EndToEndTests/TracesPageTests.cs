namespace TruthGraph.EndToEndTests;

/// <summary>The Traces page in a real browser: a verification's trace, read from the services' own span buffers.</summary>
[Collection(AppCollection.Name)]
public sealed class TracesPageTests(AppFixture fixture, BrowserFixture browser)
{
    // The spans VerificationService opens, one per pipeline stage (the database stage has two: corpus version, store).
    private static readonly (string Stage, string Span)[] StageSpans =
        [("embed", "embed claims"), ("retrieve", "retrieve evidence"), ("nli", "classify pairs"), ("aggregate", "aggregate")];

    [Fact]
    public async Task Opening_a_verification_trace_shows_one_span_per_stage()
    {
        await fixture.WaitForSampleCorpusAsync();
        // A claim no earlier test verified: an answer from the result cache would run no stage at all.
        var claim = $"Glaciers in the Alps have lost much of their ice since 1900 (trace test {Guid.NewGuid():N})"[..80];
        var page = await browser.NewPageAsync();
        await page.GotoAsync(fixture.WebUrl("/verify"));
        await Assertions.Expect(page.GetByTestId("verify-form")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
        await page.Locator("textarea[data-testid=claim-input], [data-testid=claim-input] textarea").FillAsync(claim);
        await page.GetByTestId("verify-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("verdict-chip")).ToBeVisibleAsync(new() { Timeout = 60_000 });

        await page.GetByTestId("trace-link").ClickAsync();
        var timeline = page.GetByTestId("span-timeline");
        await Assertions.Expect(timeline).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var traceId = await page.GetByTestId("trace-id").InnerTextAsync();
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        Assert.EndsWith($"/traces/{traceId}", page.Url);

        var rows = page.GetByTestId("span-row");
        foreach (var (stage, span) in StageSpans)
        {
            var stageRows = rows.Filter(new() { Has = page.GetByTestId("span-name").GetByText(span, new() { Exact = true }) });
            await Assertions.Expect(stageRows).ToHaveCountAsync(1);
            await Assertions.Expect(stageRows).ToHaveAttributeAsync("data-stage", stage);
        }
        Assert.True(await page.Locator("[data-testid=span-row][data-stage=database]").CountAsync() >= 1, "the database stage has spans");
        // The inference service's own spans of the same trace are joined in (the model runs behind the embed and NLI calls).
        Assert.True(await page.Locator("[data-testid=span-row][data-service=inference]").CountAsync() >= 1, "inference spans are joined in");
        await Assertions.Expect(page.GetByTestId("trace-detail")).ToContainTextAsync(claim);
        await BrowserFixture.SaveScreenshotAsync(page, "trace-page");
        // At a laptop's width the navigation drawer stays open beside the page.
        await Assertions.Expect(page.Locator(".mud-drawer.mud-drawer--open")).ToHaveCountAsync(1);

        // A row opens to its tags.
        await rows.Filter(new() { Has = page.GetByTestId("span-name").GetByText("classify pairs", new() { Exact = true }) }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("span-tags")).ToContainTextAsync("truthgraph.nli");

        await page.SetViewportSizeAsync(390, 844);
        await page.WaitForTimeoutAsync(1_000);
        await BrowserFixture.SaveScreenshotAsync(page, "trace-page-phone");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "nothing is wider than a phone");

        // The list has the verification, named by its claim.
        await page.SetViewportSizeAsync(1280, 800);
        await page.GotoAsync(fixture.WebUrl("/traces"));
        await Assertions.Expect(page.GetByTestId("trace-row").Filter(new() { HasText = claim })).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await BrowserFixture.SaveScreenshotAsync(page, "traces-page");
    }

    [Fact]
    public async Task The_api_returns_a_verifications_trace_with_the_inference_services_spans_and_refuses_bad_ids()
    {
        await fixture.WaitForSampleCorpusAsync();
        using var api = fixture.CreateHttpClient("api");
        var claim = $"Coral reefs bleach when the sea warms ({Guid.NewGuid():N})";
        using var verified = await api.PostAsJsonAsync("/api/verify", new { claim });
        verified.EnsureSuccessStatusCode();
        var traceId = (await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("traceId").GetString()!;
        Assert.Matches("^[0-9a-f]{32}$", traceId);

        var trace = await api.GetFromJsonAsync<JsonElement>($"/api/traces/{traceId}");
        var spans = trace.GetProperty("spans").EnumerateArray().ToList();
        var services = spans.Select(s => s.GetProperty("service").GetString()).ToHashSet();
        Assert.Contains("api", services);
        Assert.Contains("inference", services);
        Assert.All(spans, s => Assert.Equal(traceId, s.GetProperty("traceId").GetString()));
        var offsets = spans.Select(s => s.GetProperty("startOffsetMs").GetDouble()).ToList();
        Assert.Equal(0, offsets.Min());
        Assert.True(offsets.SequenceEqual(offsets.Order()), "spans are ordered by start");
        var verify = Assert.Single(spans, s => s.GetProperty("name").GetString() == "verify");
        Assert.Equal(claim, verify.GetProperty("tags").GetProperty("truthgraph.claim").GetString());

        var list = await api.GetFromJsonAsync<JsonElement>("/api/traces?source=truthgraph.verify&limit=200");
        Assert.Contains(list.GetProperty("traces").EnumerateArray(), t => t.GetProperty("traceId").GetString() == traceId);
        // Reading traces leaves no trace of its own behind.
        var all = await api.GetFromJsonAsync<JsonElement>("/api/traces?limit=200");
        Assert.DoesNotContain(all.GetProperty("traces").EnumerateArray(), t => t.GetProperty("rootName").GetString()!.Contains("/api/traces"));

        using var badId = await api.GetAsync("/api/traces/not-a-trace");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.Contains("traceId", await badId.Content.ReadAsStringAsync());
        using var badLimit = await api.GetAsync("/api/traces?limit=0");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, badLimit.StatusCode);
        Assert.Contains("limit", await badLimit.Content.ReadAsStringAsync());
        using var unknown = await api.GetAsync($"/api/traces/{new string('a', 32)}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
