using TruthGraph.Web.Components.Evidence;

namespace TruthGraph.Web.UnitTests.Components.Evidence;

/// <summary>A page of the corpus browser: its position, the page buttons at either end, and hashed ids left out.</summary>
public sealed class SentencePageTableTests
{
    private static EvidenceSentencePageView Page(int page, long total) =>
        new([
            new(1, "truthgraph-sample", "physics-001", "Water boils at 100 degrees Celsius.", "Physics", "Physics"),
            new(2, "upload", "sha256:0f3a9c2b7d1e4a5b6c7d8e9f", "Sea levels are rising.", null, null),
        ], page, 25, total);

    [Fact]
    public async Task A_middle_page_says_where_it_is_and_asks_for_its_neighbours()
    {
        await using var ctx = WebTestContext.Create();
        var asked = new List<int>();
        var table = ctx.Render<SentencePageTable>(p => p.Add(c => c.Page, Page(2, 309)).Add(c => c.OnPage, (int n) => asked.Add(n)));

        Assert.Equal("Page 2 of 13 · 309 sentences", table.Find("[data-testid=browse-position]").TextContent.Trim());
        table.Find("[data-testid=browse-next]").Click();
        table.Find("[data-testid=browse-previous]").Click();
        Assert.Equal([3, 1], asked);
        var rows = table.FindAll("tbody tr");
        Assert.Equal(["Water boils at 100 degrees Celsius.", "Physics", "physics-001"], rows[0].QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal(["Sea levels are rising.", "—", "—"], rows[1].QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
    }

    [Theory]
    [InlineData(1, 20, true, true)]
    [InlineData(1, 309, true, false)]
    [InlineData(13, 309, false, true)]
    public async Task The_page_buttons_stop_at_the_ends(int page, long total, bool previousDisabled, bool nextDisabled)
    {
        await using var ctx = WebTestContext.Create();
        var table = ctx.Render<SentencePageTable>(p => p.Add(c => c.Page, Page(page, total)));

        Assert.Equal(previousDisabled, table.Find("[data-testid=browse-previous]").HasAttribute("disabled"));
        Assert.Equal(nextDisabled, table.Find("[data-testid=browse-next]").HasAttribute("disabled"));
    }
}
