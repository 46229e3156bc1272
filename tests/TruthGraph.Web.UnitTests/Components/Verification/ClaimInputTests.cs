using Microsoft.AspNetCore.Components.Web;

namespace TruthGraph.Web.UnitTests.Components.Verification;

/// <summary>The Verify page's claim field: the API's length limit shown instead of cutting, and Enter that verifies.</summary>
public sealed class ClaimInputTests
{
    [Theory]
    [InlineData(3_000, "3000 / 2000", "The claim has 3,000 characters; the API accepts at most 2,000. Shorten it by 1,000 to verify.")]
    [InlineData(2_000, "2000 / 2000", null)]
    public async Task A_claim_is_kept_whole_counted_and_named_as_too_long_only_past_the_api_limit(int length, string counter, string? overLimitMessage)
    {
        await using var ctx = WebTestContext.Create();
        var claim = new string('a', length);
        var input = ctx.Render<ClaimInput>(p => p.Add(c => c.Claim, claim));

        Assert.Equal(claim, input.Find("textarea").GetAttribute("value"));
        Assert.Contains(counter, input.Markup);
        if (overLimitMessage is null)
        {
            Assert.DoesNotContain("the API accepts at most", input.Markup);
        }
        else
        {
            Assert.Contains(overLimitMessage, input.Markup);
        }
        Assert.Equal(overLimitMessage is not null, input.Find("[data-testid=verify-button]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Typing_past_the_limit_disables_verify_and_says_so()
    {
        await using var ctx = WebTestContext.Create();
        var bound = "";
        var input = ctx.Render<ClaimInput>(p => p.Add(c => c.Claim, "").Add(c => c.ClaimChanged, (string value) => bound = value));

        input.Find("textarea").Input(new string('b', 2_001));

        Assert.Equal(2_001, bound.Length);
        Assert.Contains("The claim has 2,001 characters; the API accepts at most 2,000.", input.Markup);
        Assert.True(input.Find("[data-testid=verify-button]").HasAttribute("disabled"));
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 0)]
    public async Task Enter_verifies_and_shift_enter_does_not(bool shift, int expectedVerifications)
    {
        await using var ctx = WebTestContext.Create();
        var verifications = 0;
        var input = ctx.Render<ClaimInput>(p => p.Add(c => c.Claim, "Glaciers are retreating worldwide.").Add(c => c.OnVerify, () => verifications++));

        input.Find("textarea").KeyDown(new KeyboardEventArgs { Key = "Enter", ShiftKey = shift });

        Assert.Equal(expectedVerifications, verifications);
    }

    [Fact]
    public async Task Enter_on_an_over_long_claim_does_not_verify()
    {
        await using var ctx = WebTestContext.Create();
        var verifications = 0;
        var input = ctx.Render<ClaimInput>(p => p.Add(c => c.Claim, new string('a', 2_500)).Add(c => c.OnVerify, () => verifications++));

        input.Find("textarea").KeyDown(new KeyboardEventArgs { Key = "Enter" });

        Assert.Equal(0, verifications);
    }
}
