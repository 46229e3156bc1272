namespace TruthGraph.Web.UnitTests.Components.Verification;

/// <summary>The bar of one evidence sentence's entailment, neutral and contradiction probabilities.</summary>
public sealed class ProbabilityBarTests
{
    [Fact]
    public async Task Each_class_takes_its_probability_as_a_share_of_the_bar()
    {
        await using var ctx = WebTestContext.Create();
        var bar = ctx.Render<ProbabilityBar>(p => p.Add(c => c.Entailment, 0.7).Add(c => c.Neutral, 0.25).Add(c => c.Contradiction, 0.05));

        Assert.Equal("width:70%", bar.Find(".tg-bar-entailment").GetAttribute("style"));
        Assert.Equal("width:25%", bar.Find(".tg-bar-neutral").GetAttribute("style"));
        Assert.Equal("width:5%", bar.Find(".tg-bar-contradiction").GetAttribute("style"));
        Assert.Contains("entailment", bar.Find("[data-testid=probability-bar]").GetAttribute("title"));
    }

    [Fact]
    public async Task Probabilities_outside_zero_to_one_are_clamped()
    {
        await using var ctx = WebTestContext.Create();
        var bar = ctx.Render<ProbabilityBar>(p => p.Add(c => c.Entailment, 1.2).Add(c => c.Neutral, -0.1).Add(c => c.Contradiction, 0.333));

        Assert.Equal("width:100%", bar.Find(".tg-bar-entailment").GetAttribute("style"));
        Assert.Equal("width:0%", bar.Find(".tg-bar-neutral").GetAttribute("style"));
        Assert.Equal("width:33.3%", bar.Find(".tg-bar-contradiction").GetAttribute("style"));
    }
}
