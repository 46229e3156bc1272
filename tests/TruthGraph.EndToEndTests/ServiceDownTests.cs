namespace TruthGraph.EndToEndTests;

/// <summary>
/// The dashboard with the API really stopped (through Aspire's own stop command, then started again): every page says
/// so in a banner and shows no stack trace, at a phone's width.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ServiceDownTests(AppFixture fixture, BrowserFixture browser)
{
    private static readonly string[] Pages = ["/", "/verify", "/history", "/evidence", "/traces", "/models", "/status"];

    [Fact]
    public async Task With_the_api_stopped_every_page_shows_a_banner_and_no_stack_trace()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var stopped = await fixture.App.ResourceCommands.ExecuteCommandAsync("api", KnownResourceCommands.StopCommand, cts.Token);
        Assert.True(stopped.Success, stopped.Message);
        try
        {
            await fixture.App.ResourceNotifications.WaitForResourceAsync("api", KnownResourceStates.TerminalStates, cts.Token);
            var page = await browser.NewPageAsync(width: 390, height: 844);
            foreach (var path in Pages)
            {
                await page.GotoAsync(fixture.WebUrl(path));
                var banner = page.Locator("[data-testid=service-banner][data-service='the verification API']");
                await Assertions.Expect(banner).ToBeVisibleAsync(new() { Timeout = 20_000 });
                await Assertions.Expect(banner).ToContainTextAsync("cannot be reached");
                await AssertNoFailureShownAsync(page, path);
            }

            // The page's own call gives up (Aspire's proxy holds the connection open, so after two 10 s attempts) and says
            // what failed, still without a stack trace.
            await page.GotoAsync(fixture.WebUrl("/status"));
            await Assertions.Expect(page.GetByTestId("status-error")).ToBeVisibleAsync(new() { Timeout = 45_000 });
            await AssertNoFailureShownAsync(page, "/status");
            // At a phone's width the navigation drawer is folded away and nothing is wider than the screen.
            await Assertions.Expect(page.Locator(".mud-drawer.mud-drawer--open")).ToHaveCountAsync(0);
            Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= 390, "nothing is wider than a phone");
            await BrowserFixture.SaveScreenshotAsync(page, "api-down-status-phone");
        }
        finally
        {
            var started = await fixture.App.ResourceCommands.ExecuteCommandAsync("api", KnownResourceCommands.StartCommand, CancellationToken.None);
            using var restart = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("api", restart.Token);
            Assert.True(started.Success, started.Message);
        }
    }

    private static async Task AssertNoFailureShownAsync(IPage page, string path)
    {
        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("page-error")).ToHaveCountAsync(0);
        var text = await page.Locator("body").InnerTextAsync();
        Assert.False(text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception", StringComparison.Ordinal),
            $"{path} shows a stack trace or an exception name: {text}");
    }
}
