using TruthGraph.Web.Components.Evidence;

namespace TruthGraph.Web.UnitTests.Components.Evidence;

/// <summary>Evidence search results: origins named in words, and an empty result that says which floor emptied it.</summary>
public sealed class SearchHitsTests
{
    [Theory]
    [InlineData("sample", "physics-001", null, "sample · physics-001")]
    [InlineData("upload", "sha256:0f3a9c2b7d1e4a5b6c7d8e9f", "Glacier survey 2024", "upload · Glacier survey 2024")]
    [InlineData("upload", "sha256:0f3a9c2b7d1e4a5b6c7d8e9f", null, "upload")]
    public void An_origin_is_named_by_title_or_chosen_id_never_by_content_hash(string source, string externalId, string? title, string origin) =>
        Assert.Equal(origin, EvidenceNames.Origin(source, externalId, title));

    [Fact]
    public async Task Each_hit_shows_its_similarity_and_readable_origin_with_the_raw_id_in_the_tooltip()
    {
        await using var ctx = WebTestContext.Create();
        var hits = new List<EvidenceHitView>
        {
            new(1, "upload", "sha256:0f3a9c2b7d1e4a5b6c7d8e9f", "Glaciers lost a third of their ice.", 0.8123, null),
            new(2, "sample", "climate-004", "Sea levels are rising.", 0.41, "Oceans"),
        };

        var table = ctx.Render<SearchHits>(p => p.Add(c => c.Hits, hits).Add(c => c.MinSimilarity, 0.3));

        Assert.Equal(["0.812", "0.410"], table.FindAll("[data-testid=search-similarity]").Select(c => c.TextContent.Trim()));
        var origins = table.FindAll("[data-testid=search-origin]");
        Assert.Equal(["upload", "sample · Oceans"], origins.Select(o => o.TextContent.Trim()));
        Assert.DoesNotContain("sha256", origins[0].TextContent);
        Assert.Equal("upload / sha256:0f3a9c2b7d1e4a5b6c7d8e9f", origins[0].GetAttribute("title"));
    }

    [Theory]
    [InlineData(0.3, "No sentence reaches a similarity of 0.30")]
    [InlineData(-1, "the corpus is empty")]
    public async Task An_empty_result_names_the_floor_that_emptied_it(double floor, string message)
    {
        await using var ctx = WebTestContext.Create();
        var table = ctx.Render<SearchHits>(p => p.Add(c => c.Hits, []).Add(c => c.MinSimilarity, floor));

        Assert.Contains(message, table.Find("[data-testid=search-empty]").TextContent);
    }
}
