namespace TruthGraph.EndToEndTests;

/// <summary>The Verify page's claim field in a real browser: Enter, an over-long paste, and the sample chips on a phone.</summary>
[Collection(AppCollection.Name)]
public sealed class VerifyClaimInputTests(AppFixture fixture, BrowserFixture browser)
{
    /// <summary>How long an element may take to appear: the interactive circuit starts after the prerendered page shows.</summary>
    private const float CircuitStartMs = 30_000;

    private async Task<(IPage Page, ILocator Claim)> OpenVerifyPageAsync()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(fixture.WebUrl("/verify"));
        await Assertions.Expect(page.GetByTestId("verify-form")).ToHaveAttributeAsync("data-interactive", "true", new() { Timeout = CircuitStartMs });
        // Until the key hook is connected the browser would still add Enter's newline.
        await Assertions.Expect(page.Locator("[data-enter-verifies]")).ToHaveAttributeAsync("data-enter-verifies", "true", new() { Timeout = CircuitStartMs });
        return (page, page.GetByTestId("verify-form").Locator("textarea").First);
    }

    [Fact]
    public async Task Enter_verifies_without_leaving_a_newline_and_shift_enter_adds_one()
    {
        await fixture.WaitForSampleCorpusAsync();
        var (page, claim) = await OpenVerifyPageAsync();

        await claim.FillAsync("Glaciers are retreating worldwide.");
        await claim.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("verdict-chip")).ToBeVisibleAsync(new() { Timeout = CircuitStartMs });
        Assert.Equal("Glaciers are retreating worldwide.", await claim.InputValueAsync());

        await claim.PressAsync("Shift+Enter");
        await Assertions.Expect(claim).ToHaveValueAsync("Glaciers are retreating worldwide.\n");
    }

    [Fact]
    public async Task A_3000_character_paste_is_kept_whole_and_named_as_over_the_limit()
    {
        var (page, claim) = await OpenVerifyPageAsync();
        var pasted = string.Concat(Enumerable.Repeat("Sea levels rise. ", 200))[..3_000];

        await claim.FillAsync(pasted);

        await Assertions.Expect(page.GetByTestId("verify-form"))
            .ToContainTextAsync("The claim has 3,000 characters; the API accepts at most 2,000.", new() { Timeout = CircuitStartMs });
        await Assertions.Expect(page.GetByTestId("verify-button")).ToBeDisabledAsync();
        Assert.Equal(3_000, (await claim.InputValueAsync()).Length);
    }

    [Fact]
    public async Task Sample_chips_wrap_inside_the_card_at_phone_width()
    {
        await fixture.WaitForSampleCorpusAsync();
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(fixture.WebUrl("/verify"));
        var chips = page.GetByTestId("example-claims").Locator(".mud-chip");
        await Assertions.Expect(chips.First).ToBeVisibleAsync(new() { Timeout = CircuitStartMs });

        var card = await page.GetByTestId("verify-form").BoundingBoxAsync() ?? throw new InvalidOperationException("The form has no box.");
        foreach (var chip in await chips.AllAsync())
        {
            var box = await chip.BoundingBoxAsync() ?? throw new InvalidOperationException("A chip has no box.");
            Assert.True(box.X + box.Width <= card.X + card.Width + 0.5, $"A chip ends at {box.X + box.Width}px, past the card's edge at {card.X + card.Width}px.");
            // A chip held to the card's width by max-width still clips a one-line text: its content would be wider than its box.
            var hiddenPx = await chip.EvaluateAsync<double>("chip => chip.scrollWidth - chip.clientWidth");
            Assert.True(hiddenPx <= 1, $"{hiddenPx}px of the chip '{await chip.InnerTextAsync()}' are clipped.");
        }
        await BrowserFixture.SaveScreenshotAsync(page, "verify-page-phone-chips");
    }
}
