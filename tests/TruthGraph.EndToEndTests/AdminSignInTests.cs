using System.Text.RegularExpressions;

namespace TruthGraph.EndToEndTests;

/// <summary>
/// The dashboard's admin sign-in in a real browser against the real AppHost: anonymous visitors read but cannot remove
/// a source or start a sweep; the API key signs an admin in (an HttpOnly, SameSite=Strict cookie) who then can; a wrong
/// key is refused with a message; signing out takes the admin controls away again.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AdminSignInTests(AppFixture fixture, BrowserFixture browser)
{
    private const string CookieName = "TruthGraph.Admin";

    private string SignInUrl => fixture.WebUrl("/account/signin");

    [Fact]
    public async Task An_anonymous_visitor_cannot_remove_a_source_or_start_a_sweep()
    {
        var source = await UploadSourceAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(fixture.WebUrl("/evidence"));
        await Assertions.Expect(page.GetByTestId("admin-status")).ToHaveAttributeAsync("data-signed-in", "false");
        await Assertions.Expect(page.GetByTestId("evidence-upload")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
        var row = SourceRow(page, source);
        await Assertions.Expect(row).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await Assertions.Expect(row.GetByTestId("corpus-remove")).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByTestId("evidence-upload-button")).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByTestId("admin-required").First).ToContainTextAsync("Sign in as admin to upload evidence");

        // A visitor who strips the disabled attribute in the browser still removes nothing: the server decides.
        await row.GetByTestId("corpus-remove").EvaluateAsync("button => button.removeAttribute('disabled')");
        await row.GetByTestId("corpus-remove").ClickAsync();
        var confirm = page.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true });
        if (await confirm.IsVisibleAsync())
        {
            await confirm.ClickAsync();
        }
        await page.WaitForTimeoutAsync(1_500);
        Assert.True(await SentencesOfAsync(source) > 0, "the source is still in the corpus");
        // Other tests share this corpus: the source goes again, by the operator's route.
        using (var admin = fixture.App.CreateAdminClient("api"))
        {
            (await admin.DeleteAsync($"/api/evidence/sources/{source}")).EnsureSuccessStatusCode();
        }

        await page.GotoAsync(fixture.WebUrl("/performance"));
        await Assertions.Expect(page.GetByTestId("perf-start")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("perf-start-button")).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByTestId("admin-required")).ToContainTextAsync("Sign in as admin to start");
        // The note's link leads to the sign-in page and back here afterwards.
        await page.GetByTestId("admin-required").GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/signin\\?returnUrl=%2Fperformance$"));
    }

    [Fact]
    public async Task A_wrong_key_is_refused_with_a_message_and_sets_no_cookie()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(SignInUrl);
        await page.GetByTestId("signin-secret").FillAsync("not-the-key");
        await page.GetByTestId("signin-submit").ClickAsync();

        await Assertions.Expect(page.GetByTestId("signin-error")).ToContainTextAsync("not the API key or the admin password");
        await Assertions.Expect(page.GetByTestId("admin-status")).ToHaveAttributeAsync("data-signed-in", "false");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), cookie => cookie.Name == CookieName);
        await BrowserFixture.SaveScreenshotAsync(page, "admin-signin-wrong-key");
    }

    [Fact]
    public async Task The_admin_password_from_the_apphost_signs_in_as_well()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsAdminAsync(page, $"{SignInUrl}?returnUrl=%2Fmodels", TruthGraphAppFactory.AdminPassword);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/models$"));
        await Assertions.Expect(page.GetByTestId("models-table")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("admin-required")).ToHaveCountAsync(0);
        var embeddingRow = page.GetByTestId("models-table").Locator("tr")
            .Filter(new() { Has = page.GetByTestId("model-id").Filter(new() { HasText = "all-minilm-l6-v2" }) });
        await Assertions.Expect(embeddingRow.GetByTestId("model-warmup")).ToBeEnabledAsync();
    }

    [Fact]
    public async Task The_sign_in_form_refuses_a_post_without_its_anti_forgery_token()
    {
        using var web = fixture.CreateHttpClient("web");
        using var response = await web.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "admin-signin",
            ["Input.Secret"] = TruthGraphAppFactory.ApiKey,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(CookieName)),
            "a forged sign-in gets no session cookie");
    }

    [Fact]
    public async Task An_admin_signed_in_with_the_key_removes_a_source_and_starts_a_sweep_then_signs_out()
    {
        var source = await UploadSourceAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync($"{SignInUrl}?returnUrl=%2Fevidence");
        await page.GetByTestId("signin-secret").FillAsync(TruthGraphAppFactory.ApiKey);
        await page.GetByTestId("signin-submit").ClickAsync();

        // Back where the admin came from, signed in, with a cookie scripts cannot read and other sites cannot send.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/evidence$"));
        await Assertions.Expect(page.GetByTestId("admin-status")).ToHaveAttributeAsync("data-signed-in", "true");
        await Assertions.Expect(page.GetByTestId("admin-name")).ToHaveTextAsync("Signed in as admin");
        var cookie = Assert.Single(await page.Context.CookiesAsync(), c => c.Name == CookieName);
        Assert.True(cookie.HttpOnly, "the session cookie is HttpOnly");
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.DoesNotContain(CookieName, await page.EvaluateAsync<string>("() => document.cookie"));

        await Assertions.Expect(page.GetByTestId("evidence-upload")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("admin-required")).ToHaveCountAsync(0);
        var row = SourceRow(page, source);
        await Assertions.Expect(row.GetByTestId("corpus-remove")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await BrowserFixture.SaveScreenshotAsync(page, "admin-signed-in-evidence");
        await row.GetByTestId("corpus-remove").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText($"Removed '{source}'")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(row).ToHaveCountAsync(0);
        Assert.Equal(0, await SentencesOfAsync(source));

        // A tiny sweep (batch sizes 1 and 2, half a second each) starts and runs to its end.
        await page.GotoAsync(fixture.WebUrl("/performance"));
        await Assertions.Expect(page.GetByTestId("perf-start")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
        await Field(page, "sweep-max").FillAsync("2");
        await Field(page, "sweep-max").PressAsync("Tab");
        await Field(page, "sweep-seconds").FillAsync("0.5");
        await Field(page, "sweep-seconds").PressAsync("Tab");
        await page.GetByTestId("perf-start-button").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/performance/sweep/[0-9a-f-]{36}$"), new() { Timeout = 60_000 });
        await Assertions.Expect(page.GetByTestId("perf-progress")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 180_000 });
        using var api = fixture.CreateHttpClient("api");
        var sweep = await api.GetFromJsonAsync<JsonElement>($"/api/sweeps/{page.Url[^36..]}");
        Assert.Equal("completed", sweep.GetProperty("status").GetString());

        await page.GetByTestId("signout").ClickAsync();
        await Assertions.Expect(page.GetByTestId("admin-status")).ToHaveAttributeAsync("data-signed-in", "false", new() { Timeout = 15_000 });
        // Back on the page the admin signed out from (reached by navigation inside the circuit, not a page load).
        Assert.Matches("/performance/sweep/[0-9a-f-]{36}$", page.Url);
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == CookieName);
        await page.GotoAsync(fixture.WebUrl("/performance"));
        await Assertions.Expect(page.GetByTestId("perf-start")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("perf-start-button")).ToBeDisabledAsync();
    }

    [Theory]
    [InlineData(1280, 800, "laptop")]
    [InlineData(390, 844, "phone")]
    public async Task The_sign_in_page_fits_a_laptop_and_a_phone(int width, int height, string name)
    {
        var page = await browser.NewPageAsync(width, height);
        await page.GotoAsync(SignInUrl);
        await Assertions.Expect(page.GetByTestId("signin-secret")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("signin-secret")).ToHaveAttributeAsync("type", "password");
        await Assertions.Expect(page.GetByTestId("signin-submit")).ToBeInViewportAsync();
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth") <= width, "nothing is wider than the screen");
        await BrowserFixture.SaveScreenshotAsync(page, $"admin-signin-{name}");
    }

    private static ILocator SourceRow(IPage page, string source) =>
        page.GetByTestId("corpus-table").Locator("tr").Filter(new() { Has = page.GetByTestId("corpus-source").Filter(new() { HasTextRegex = new Regex($"^{Regex.Escape(source)}$") }) });

    /// <summary>Puts a small source of its own into the corpus through the API (as an operator would) and waits until it is in.</summary>
    private async Task<string> UploadSourceAsync()
    {
        var source = $"e2e-admin-{Guid.NewGuid():N}"[..20];
        using var api = fixture.App.CreateAdminClient("api");
        var body = string.Join('\n', Enumerable.Range(1, 3).Select(n =>
            JsonSerializer.Serialize(new { id = $"{source}-{n}", text = $"Sentence {n} of the {source} admin test about sea ice." })));
        using var response = await api.PostAsync($"/api/ingestions?format=jsonl&source={source}", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {text}");
        var id = JsonDocument.Parse(text).RootElement.GetProperty("id").GetString();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            var job = await api.GetFromJsonAsync<JsonElement>($"/api/ingestions/{id}", cts.Token);
            if (job.GetProperty("status").GetString() is "completed")
            {
                return source;
            }
            Assert.DoesNotMatch("failed|cancelled", job.GetProperty("status").GetString()!);
            await Task.Delay(300, cts.Token);
        }
    }

    private async Task<long> SentencesOfAsync(string source)
    {
        using var api = fixture.CreateHttpClient("api");
        var stats = await api.GetFromJsonAsync<JsonElement>("/api/evidence/stats");
        return stats.GetProperty("sources").EnumerateArray()
            .Where(s => s.GetProperty("source").GetString() == source)
            .Select(s => s.GetProperty("sentences").GetInt64()).FirstOrDefault();
    }

    private static ILocator Field(IPage page, string testId) =>
        page.Locator($"input[data-testid={testId}], [data-testid={testId}] input").First;
}
