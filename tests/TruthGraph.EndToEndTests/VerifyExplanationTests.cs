namespace TruthGraph.EndToEndTests;

/// <summary>The Verify page says why a verdict came out, in a real browser: reason, roles, and what differs from the claim.</summary>
[Collection(AppCollection.Name)]
public sealed class VerifyExplanationTests(AppFixture fixture, BrowserFixture browser)
{
    private const float CircuitStartMs = 30_000;

    [Fact]
    public async Task A_refuted_negation_shows_its_reason_the_deciding_sentence_with_the_negation_marked_and_roles_on_a_phone_too()
    {
        var page = await VerifyOnPageAsync("Sound can travel through a vacuum.");

        await Assertions.Expect(page.GetByTestId("verdict-chip")).ToContainTextAsync("REFUTED", new() { Timeout = CircuitStartMs });
        await Assertions.Expect(page.GetByTestId("verdict-reason")).ToContainTextAsync("Refuted by");
        await Assertions.Expect(page.GetByTestId("confidence-words")).ToContainTextAsync("false");

        var deciding = page.GetByTestId("deciding-sentence").Filter(new() { HasText = "Sound cannot travel" });
        await Assertions.Expect(deciding).ToHaveCountAsync(1);
        await Assertions.Expect(deciding.Locator("mark[data-kind=negation]")).ToHaveTextAsync("cannot");
        await Assertions.Expect(deciding.GetByTestId("evidence-role")).ToHaveTextAsync("refutes");
        await Assertions.Expect(deciding.GetByTestId("only-in-evidence")).ToContainTextAsync("negation");

        // Every retrieved sentence sits under its role, the deciding side first, with its probabilities as text.
        var groups = page.GetByTestId("evidence-group");
        Assert.Equal("refutes", await groups.First.GetAttributeAsync("data-role"));
        var rows = await page.GetByTestId("evidence-row").CountAsync();
        Assert.True(rows >= 1);
        Assert.Equal(rows, await page.GetByTestId("probability-text").CountAsync());
        await BrowserFixture.SaveScreenshotAsync(page, "verify-explained");

        // On a phone the probabilities are still text (no hover), and nothing is wider than the screen.
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(page.GetByTestId("probability-text").First).ToBeVisibleAsync();
        // The menu folds away after the resize (MudBlazor reacts to the breakpoint from script), so the layout is given a
        // few seconds to settle before anything sticking out counts.
        const string TooWide = """
            () => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                .map(e => `${e.tagName}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`)
                .slice(0, 5)
            """;
        try
        {
            await page.WaitForFunctionAsync($"() => ({TooWide})().length === 0", null, new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            var tooWide = await page.EvaluateAsync<string[]>(TooWide);
            await BrowserFixture.SaveScreenshotAsync(page, "verify-explained-phone-overflow");
            Assert.Fail($"wider than a 390 px screen: {string.Join("; ", tooWide)}");
        }
        await BrowserFixture.SaveScreenshotAsync(page, "verify-explained-phone");
    }

    [Fact]
    public async Task A_sentence_whose_wording_overruled_the_model_says_so_under_the_deciding_sentence()
    {
        var page = await VerifyOnPageAsync("Toronto is the capital city of Canada.");

        await Assertions.Expect(page.GetByTestId("verdict-chip")).ToContainTextAsync("REFUTED", new() { Timeout = CircuitStartMs });
        await Assertions.Expect(page.GetByTestId("verdict-reason")).ToContainTextAsync("another name in place of the claim's");
        var deciding = page.GetByTestId("deciding-sentence").Filter(new() { HasText = "Ottawa is the capital city of Canada." });
        await Assertions.Expect(deciding.GetByTestId("overruled")).ToContainTextAsync("Read by its wording");
        await Assertions.Expect(deciding.Locator("mark[data-kind=name]")).ToHaveTextAsync("Ottawa");
        await BrowserFixture.SaveScreenshotAsync(page, "verify-overruled-by-wording");
    }

    /// <summary>Opens the Verify page once the sample corpus is in, and verifies <paramref name="claim"/> by pressing Enter.</summary>
    private async Task<IPage> VerifyOnPageAsync(string claim)
    {
        await fixture.WaitForSampleCorpusAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(fixture.WebUrl("/verify"));
        await Assertions.Expect(page.GetByTestId("verify-form")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = CircuitStartMs });
        await Assertions.Expect(page.Locator("[data-enter-verifies]")).ToHaveAttributeAsync("data-enter-verifies", "true", new() { Timeout = CircuitStartMs });
        var input = page.GetByTestId("verify-form").Locator("textarea").First;
        await input.FillAsync(claim);
        await input.PressAsync("Enter");
        return page;
    }
}
