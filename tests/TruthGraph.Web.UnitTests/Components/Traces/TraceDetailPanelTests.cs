using static TruthGraph.Web.UnitTests.Samples;

namespace TruthGraph.Web.UnitTests.Components.Traces;

public sealed class TraceDetailPanelTests
{
    [Fact]
    public async Task A_verification_trace_is_titled_by_its_claim_with_its_verdict_and_links_to_the_verification_and_aspire()
    {
        var verifyTags = new Dictionary<string, string>
        {
            ["truthgraph.claim"] = "Sea levels are rising.",
            ["truthgraph.verdict"] = "SUPPORTED",
            ["truthgraph.verification_id"] = "0193a0de-0000-7000-8000-000000000002",
        };
        var trace = Trace(120, Span("a", null, "POST /api/verify", "Microsoft.AspNetCore", 0, 120),
            Span("b", "a", "verify", "truthgraph.verify", 5, 110, tags: verifyTags)) with { Notes = ["The inference service's spans are missing: timeout"] };
        await using var ctx = WebTestContext.Create();

        var panel = ctx.Render<TraceDetailPanel>(p => p.Add(c => c.Trace, trace));

        Assert.Equal("Sea levels are rising.", panel.Find("[data-testid=trace-title]").TextContent);
        Assert.StartsWith("SUPPORTED", panel.Find("[data-testid=verdict-chip]").TextContent.Trim());
        Assert.Equal(TraceId, panel.Find("[data-testid=trace-id]").TextContent);
        Assert.Equal("120.0 ms", panel.Find("[data-testid=trace-duration]").TextContent);
        Assert.Equal("history/0193a0de-0000-7000-8000-000000000002", panel.Find("[data-testid=trace-verification-link]").GetAttribute("href"));
        Assert.Equal($"{WebTestContext.DashboardUrl}/traces/detail/{TraceId}", panel.Find("[data-testid=aspire-trace-link]").GetAttribute("href"));
        // On its own page a trace needs no link to itself.
        Assert.Empty(panel.FindAll("[data-testid=trace-link]"));
        Assert.Contains("spans are missing", panel.Find("[data-testid=trace-note]").TextContent);
        Assert.Equal(2, panel.FindAll("[data-testid=span-row]").Count);
    }

    [Fact]
    public async Task Another_trace_is_titled_by_its_root_span()
    {
        var trace = Trace(30, Span("a", null, "ingestion job", "truthgraph.ingest", 0, 30));
        await using var ctx = WebTestContext.Create();

        var panel = ctx.Render<TraceDetailPanel>(p => p.Add(c => c.Trace, trace));

        Assert.Equal("ingestion job", panel.Find("[data-testid=trace-title]").TextContent);
        Assert.Empty(panel.FindAll("[data-testid=verdict-chip]"));
        Assert.Empty(panel.FindAll("[data-testid=trace-verification-link]"));
    }
}
