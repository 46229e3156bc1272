namespace TruthGraph.EndToEndTests;

/// <summary>
/// Headless Debian Chromium driven by Playwright (its own browser download cannot work offline, so the
/// system browser installed by scripts/setup.sh is used).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        var executable = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Chromium is not installed: run scripts/setup.sh.");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // The machine has no network beyond package mirrors: background services would only fail noisily.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>A fresh page at a laptop width; <paramref name="width"/> 390 gives a phone.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A fresh page signed in as the dashboard's admin with the test AppHost's API key, for tests that use admin
    /// controls (uploads, removals, warm-up, performance jobs). <paramref name="signInUrl"/> is the app's sign-in page.
    /// </summary>
    public async Task<IPage> NewAdminPageAsync(string signInUrl, int width = 1280, int height = 800)
    {
        var page = await NewPageAsync(width, height);
        await SignInAsAdminAsync(page, signInUrl);
        return page;
    }

    /// <summary>Signs <paramref name="page"/>'s browser context in through the sign-in form and waits until the layout says so.</summary>
    public static async Task SignInAsAdminAsync(IPage page, string signInUrl, string secret = "")
    {
        await page.GotoAsync(signInUrl);
        await page.GetByTestId("signin-secret").FillAsync(secret.Length > 0 ? secret : TruthGraphAppFactory.ApiKey);
        await page.GetByTestId("signin-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("admin-status")).ToHaveAttributeAsync("data-signed-in", "true", new() { Timeout = 15_000 });
    }

    public static Task SaveScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, $"{name}.png"), FullPage = true });

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
