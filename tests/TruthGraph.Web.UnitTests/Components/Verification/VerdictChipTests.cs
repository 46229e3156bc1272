namespace TruthGraph.Web.UnitTests.Components.Verification;

public sealed class VerdictChipTests
{
    [Theory]
    [InlineData("SUPPORTED", "SUPPORTED", "success")]
    [InlineData("REFUTED", "REFUTED", "error")]
    [InlineData("DISPUTED", "DISPUTED", "warning")]
    [InlineData("NOT_ENOUGH_INFO", "NOT ENOUGH INFO", "default")]
    public async Task A_verdict_shows_its_label_in_its_colour(string verdict, string label, string colour)
    {
        await using var ctx = WebTestContext.Create();
        var chip = ctx.Render<VerdictChip>(p => p.Add(c => c.Verdict, verdict));

        var element = chip.Find("[data-testid=verdict-chip]");
        Assert.Equal(label, element.TextContent.Trim());
        Assert.Contains($"mud-chip-color-{colour}", element.ClassName);
    }

    [Fact]
    public async Task The_confidence_follows_the_label_as_a_whole_percentage()
    {
        await using var ctx = WebTestContext.Create();
        var chip = ctx.Render<VerdictChip>(p => p.Add(c => c.Verdict, "REFUTED").Add(c => c.Confidence, 0.876));

        var text = chip.Find("[data-testid=verdict-chip]").TextContent;
        Assert.StartsWith("REFUTED", text.Trim());
        Assert.Matches(@"·\s*88\s*%", text);
    }
}
