namespace TruthGraph.EndToEndTests;

/// <summary>
/// The Performance page in a real browser against its own app (applying a batch size changes the inference service, so
/// these tests do not share the app other tests use): a small sweep draws its charts, recommends a size, and applies it.
/// </summary>
public sealed class PerformancePageTests(PerformanceAppFixture fixture, BrowserFixture browser)
    : IClassFixture<PerformanceAppFixture>, IClassFixture<BrowserFixture>
{
    private const string Model = "all-minilm-l6-v2";

    [Fact]
    public async Task A_small_sweep_draws_its_charts_recommends_a_batch_size_and_applies_it()
    {
        var page = await browser.NewAdminPageAsync(fixture.WebUrl("/account/signin"));
        await page.GotoAsync(fixture.WebUrl("/performance"));
        await Assertions.Expect(page.GetByTestId("perf-start")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });

        // The sweep tab is the first; a small range and short steps keep the test quick.
        await Field(page, "sweep-max").FillAsync("4");
        await Field(page, "sweep-max").PressAsync("Tab");
        await Field(page, "sweep-seconds").FillAsync("0.5");
        await Field(page, "sweep-seconds").PressAsync("Tab");

        // The page moves to the job's own address and follows it live.
        var id = await StartJobAsync(page, "sweep");
        await Assertions.Expect(page.GetByTestId("perf-progress")).ToBeVisibleAsync();

        var recommendation = page.GetByTestId("sweep-recommendation");
        await Assertions.Expect(recommendation).ToBeVisibleAsync(new() { Timeout = 180_000 });
        await Assertions.Expect(page.GetByTestId("perf-progress")).ToHaveAttributeAsync("data-status", "completed");
        var throughputChart = page.GetByTestId("sweep-throughput-chart");
        await Assertions.Expect(throughputChart).ToHaveAttributeAsync("data-labels", "1,2,4");
        Assert.True(await throughputChart.Locator("svg path").CountAsync() > 0, "the throughput chart draws its line");
        Assert.True(await page.GetByTestId("sweep-memory-chart").Locator("svg path").CountAsync() > 0, "the memory chart draws its bars");

        // The page shows what the API measured: the same recommendation, marked on the chart's axis.
        var job = await fixture.Api.GetFromJsonAsync<JsonElement>($"/api/sweeps/{id}");
        var recommended = job.GetProperty("result").GetProperty("recommendation").GetProperty("batchSize").GetInt32();
        await Assertions.Expect(recommendation).ToHaveAttributeAsync("data-batch-size", recommended.ToString());
        await Assertions.Expect(throughputChart).ToContainTextAsync($"{recommended} ★");
        await Assertions.Expect(page.GetByTestId("sweep-justification")).ToContainTextAsync(
            job.GetProperty("result").GetProperty("recommendation").GetProperty("justification").GetString()![..30]);
        var measured = string.Join(',', job.GetProperty("result").GetProperty("steps").EnumerateArray()
            .Select(s => Math.Round(s.GetProperty("itemsPerSecond").GetDouble(), 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await Assertions.Expect(throughputChart).ToHaveAttributeAsync("data-values", measured);
        await BrowserFixture.SaveScreenshotAsync(page, "performance-sweep");

        await page.GetByTestId("sweep-apply").ClickAsync();
        var applied = page.GetByTestId("sweep-applied");
        await Assertions.Expect(applied).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(applied).ToContainTextAsync($"Batch size {recommended} applied to {Model}");
        await Assertions.Expect(page.GetByTestId("sweep-apply")).ToBeDisabledAsync();
        // The inference service uses it now: its model list says the batch size came from a sweep.
        var models = await fixture.Inference.GetFromJsonAsync<JsonElement>("/v1/models");
        var model = models.GetProperty("data").EnumerateArray().Single(m => m.GetProperty("id").GetString() == Model);
        Assert.Equal(recommended, model.GetProperty("batchSize").GetInt32());
        Assert.Equal("tuned", model.GetProperty("batchSizeSource").GetString());

        // The history lists the sweep; at a phone's width nothing is wider than the screen.
        await Assertions.Expect(page.GetByTestId("perf-history-row").Filter(new() { HasText = Model })).Not.ToHaveCountAsync(0);
        await BrowserFixture.SaveScreenshotAsync(page, "performance-sweep-applied");
        await page.SetViewportSizeAsync(390, 844);
        await page.WaitForTimeoutAsync(1_000);
        await BrowserFixture.SaveScreenshotAsync(page, "performance-sweep-phone");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "nothing is wider than a phone");
    }

    [Fact]
    public async Task An_e2e_run_shows_its_stage_breakdown_and_targets_and_a_profile_its_hot_frames_and_sampling_file()
    {
        var page = await browser.NewAdminPageAsync(fixture.WebUrl("/account/signin"));
        await page.GotoAsync(fixture.WebUrl("/performance"));
        await Assertions.Expect(page.GetByTestId("perf-start")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });

        await page.GetByRole(AriaRole.Tab, new() { Name = "E2E run" }).ClickAsync();
        await Field(page, "run-claims").FillAsync("2");
        await Field(page, "run-claims").PressAsync("Tab");
        await StartJobAsync(page, "perf-run");
        await Assertions.Expect(page.GetByTestId("perf-run-result")).ToBeVisibleAsync(new() { Timeout = 180_000 });
        await Assertions.Expect(page.GetByTestId("stage-name")).ToHaveTextAsync(["embed", "retrieve", "NLI", "aggregate", "database", "overhead"]);
        await Assertions.Expect(page.GetByTestId("perf-target")).ToHaveCountAsync(5);
        Assert.True(await page.GetByTestId("stage-chart").Locator("svg path").CountAsync() > 0, "the stage chart draws its bars");
        await BrowserFixture.SaveScreenshotAsync(page, "performance-e2e-run");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Profile" }).ClickAsync();
        await Field(page, "profile-seconds").FillAsync("1");
        await Field(page, "profile-seconds").PressAsync("Tab");
        await StartJobAsync(page, "profile");
        await Assertions.Expect(page.GetByTestId("profile-result")).ToBeVisibleAsync(new() { Timeout = 180_000 });
        Assert.True(await page.GetByTestId("hot-frames").Locator("tbody tr").CountAsync() > 0, "the profile lists hot frames");
        var href = await page.GetByTestId("profile-download").GetAttributeAsync("href");
        var download = await page.APIRequest.GetAsync(fixture.WebUrl("/" + href));
        Assert.Equal(200, download.Status);
        Assert.Contains("speedscope", await download.TextAsync());
        await BrowserFixture.SaveScreenshotAsync(page, "performance-profile");
    }

    /// <summary>
    /// Starts the job set up on the open tab and waits for the page to move to the job's address; returns the job's id.
    /// A refused start fails with the reason the page shows, instead of a bare navigation timeout. The wait is long
    /// because CI starts several apps and trains a model on two cores at the same time.
    /// </summary>
    private static async Task<string> StartJobAsync(IPage page, string kind)
    {
        var jobAddress = new System.Text.RegularExpressions.Regex($"/performance/{kind}/[0-9a-f-]{{36}}$");
        var startError = page.GetByTestId("perf-start-error");
        await page.GetByTestId("perf-start-button").ClickAsync();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!jobAddress.IsMatch(page.Url))
        {
            if (await startError.IsVisibleAsync())
            {
                Assert.Fail($"The {kind} was not started: {await startError.InnerTextAsync()}");
            }
            if (DateTime.UtcNow > deadline)
            {
                await BrowserFixture.SaveScreenshotAsync(page, $"performance-{kind}-not-started");
                Assert.Fail($"The page did not move to the {kind}'s address within 90 s (still at {page.Url}).");
            }
            await page.WaitForTimeoutAsync(250);
        }
        return page.Url[^36..];
    }

    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
}
