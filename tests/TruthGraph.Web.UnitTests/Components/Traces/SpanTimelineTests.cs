using static TruthGraph.Web.UnitTests.Samples;

namespace TruthGraph.Web.UnitTests.Components.Traces;

public sealed class SpanTimelineTests
{
    private static readonly Dictionary<string, string> NliTags = new() { ["truthgraph.pairs"] = "10", ["truthgraph.model"] = "nli-head" };

    private static readonly ServiceDefaults.Tracing.TraceDetail Verification = Trace(200,
        Span("a", null, "verify", "truthgraph.verify", 0, 200),
        Span("b", "a", "embed claims", "truthgraph.embed", 10, 20),
        Span("c", "a", "retrieve evidence", "truthgraph.retrieve", 30, 20),
        Span("d", "a", "classify pairs", "truthgraph.nli", 50, 100, tags: NliTags),
        Span("e", "d", "nli batch", "truthgraph.nli", 60, 80, service: "inference"),
        Span("f", "a", "aggregate", "truthgraph.aggregate", 150, 10),
        Span("g", "a", "store verifications", "truthgraph.db", 160, 40));

    [Fact]
    public async Task Every_span_is_a_row_with_its_stage_service_and_bar_placed_on_the_time_axis()
    {
        await using var ctx = WebTestContext.Create();
        var timeline = ctx.Render<SpanTimeline>(p => p.Add(c => c.Trace, Verification));

        var rows = timeline.FindAll("[data-testid=span-row]");
        Assert.Equal(["verify", "embed", "retrieve", "nli", "nli", "aggregate", "database"], rows.Select(r => r.GetAttribute("data-stage")));
        Assert.Equal("inference", rows[4].GetAttribute("data-service"));
        Assert.Equal(["verify", "embed claims", "retrieve evidence", "classify pairs", "nli batch", "aggregate", "store verifications"],
            timeline.FindAll("[data-testid=span-name]").Select(n => n.TextContent));
        Assert.Equal("left:25%;width:50%", rows[3].QuerySelector(".tg-timeline-bar")!.GetAttribute("style"));
        Assert.Contains("tg-stage-nli", rows[3].QuerySelector(".tg-timeline-bar")!.ClassName);
        // Nesting shows as indentation: the inference service's batch sits under the API's classify step.
        Assert.Equal("padding-left:1.8rem", rows[4].QuerySelector(".tg-timeline-label")!.GetAttribute("style"));
        Assert.Contains("100.0 ms", rows[3].TextContent);
    }

    [Fact]
    public async Task Clicking_a_row_shows_its_tags_and_clicking_again_hides_them()
    {
        await using var ctx = WebTestContext.Create();
        var timeline = ctx.Render<SpanTimeline>(p => p.Add(c => c.Trace, Verification));
        Assert.Empty(timeline.FindAll("[data-testid=span-tags]"));

        timeline.FindAll("[data-testid=span-row]")[3].Click();
        var tags = timeline.Find("[data-testid=span-tags]");
        Assert.Contains("truthgraph.model", tags.TextContent);
        Assert.Contains("nli-head", tags.TextContent);
        Assert.Contains("starts at 50.0 ms", tags.TextContent);

        timeline.FindAll("[data-testid=span-row]")[3].Click();
        Assert.Empty(timeline.FindAll("[data-testid=span-tags]"));
    }
}
