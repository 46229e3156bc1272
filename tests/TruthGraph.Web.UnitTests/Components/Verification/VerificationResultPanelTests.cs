namespace TruthGraph.Web.UnitTests.Components.Verification;

public sealed class VerificationResultPanelTests
{
    private static readonly IReadOnlyList<Web.Services.EvidenceView> ThreeEvidence =
    [
        Samples.Evidence("Alpine glaciers lost half their volume since 1900.", "entailment", 0.81, 0.14, 0.05),
        Samples.Evidence("Some glaciers in Norway grew in the 1990s.", "contradiction", 0.1, 0.25, 0.65),
        Samples.Evidence("Glaciers are made of compacted snow.", "neutral", 0.2, 0.7, 0.1),
    ];

    [Fact]
    public async Task The_verdict_the_claim_and_one_row_per_evidence_with_its_bar_and_label_are_shown()
    {
        await using var ctx = WebTestContext.Create();
        var panel = ctx.Render<VerificationResultPanel>(p => p.Add(c => c.Result, Samples.Verification(ThreeEvidence)));

        Assert.StartsWith("SUPPORTED", panel.Find("[data-testid=verdict-chip]").TextContent.Trim());
        Assert.Contains("Glaciers are retreating worldwide.", panel.Find("[data-testid=verification-result]").TextContent);
        Assert.Equal(ThreeEvidence.Select(e => e.Text), panel.FindAll("[data-testid=evidence-row]").Select(r => r.TextContent));
        var bars = panel.FindAll("[data-testid=evidence-table] [data-testid=probability-bar]");
        Assert.Equal(3, bars.Count);
        Assert.Equal("width:65%", bars[1].QuerySelector(".tg-bar-contradiction")!.GetAttribute("style"));
        var labels = panel.FindAll("[data-testid=evidence-table] td[data-label=Label] .mud-chip");
        Assert.Equal(["entailment", "contradiction", "neutral"], labels.Select(l => l.TextContent.Trim()));
        Assert.Contains("mud-chip-color-success", labels[0].ClassName);
        Assert.Contains("mud-chip-color-error", labels[1].ClassName);
        Assert.Equal(["0.710", "0.710", "0.710"], panel.FindAll("td[data-label=Similarity]").Select(c => c.TextContent.Trim()));
        Assert.DoesNotContain("from cache", panel.Markup);
    }

    [Fact]
    public async Task No_evidence_says_so_instead_of_an_empty_table()
    {
        await using var ctx = WebTestContext.Create();
        var panel = ctx.Render<VerificationResultPanel>(p => p.Add(c => c.Result, Samples.Verification([], verdict: "NOT_ENOUGH_INFO", cached: true)));

        Assert.Empty(panel.FindAll("[data-testid=evidence-table]"));
        Assert.Contains("No evidence in the corpus is similar enough", panel.Find(".mud-alert").TextContent);
        Assert.Contains("from cache", panel.Markup);
    }

    [Fact]
    public async Task A_result_with_a_trace_links_to_its_timeline_and_to_the_aspire_dashboard()
    {
        await using var ctx = WebTestContext.Create();
        var panel = ctx.Render<VerificationResultPanel>(p => p.Add(c => c.Result, Samples.Verification(ThreeEvidence, traceId: Samples.TraceId)));

        Assert.Equal($"traces/{Samples.TraceId}", panel.Find("[data-testid=trace-link]").GetAttribute("href"));
        var aspire = panel.Find("[data-testid=aspire-trace-link]");
        Assert.Equal($"{WebTestContext.DashboardUrl}/traces/detail/{Samples.TraceId}", aspire.GetAttribute("href"));
        Assert.Equal("_blank", aspire.GetAttribute("target"));
    }

    [Fact]
    public async Task Without_a_dashboard_address_only_the_in_app_trace_link_is_shown_and_without_a_trace_none()
    {
        await using var noDashboard = WebTestContext.Create(dashboardUrl: null);
        var panel = noDashboard.Render<VerificationResultPanel>(p => p.Add(c => c.Result, Samples.Verification(ThreeEvidence, traceId: Samples.TraceId)));
        Assert.Single(panel.FindAll("[data-testid=trace-link]"));
        Assert.Empty(panel.FindAll("[data-testid=aspire-trace-link]"));

        await using var ctx = WebTestContext.Create();
        var untraced = ctx.Render<VerificationResultPanel>(p => p.Add(c => c.Result, Samples.Verification(ThreeEvidence)));
        Assert.Empty(untraced.FindAll("[data-testid=trace-links]"));
    }

    /// <summary>History's detail shows a stored verification through this panel, with the timings the API read back.</summary>
    [Fact]
    public async Task Recorded_stage_timings_are_shown_as_stored()
    {
        await using var ctx = WebTestContext.Create();
        var panel = ctx.Render<VerificationResultPanel>(p => p.Add(c => c.Result, Samples.Verification(ThreeEvidence)));

        Assert.Contains("NLI 40.0 ms", panel.Find("[data-testid=verification-result]").TextContent);
        Assert.Contains("total 100.0 ms", panel.Markup);
        Assert.Empty(panel.FindAll("[data-testid=timings-not-recorded]"));
    }

    [Fact]
    public async Task A_verification_stored_without_timings_says_not_recorded_instead_of_zeros()
    {
        await using var ctx = WebTestContext.Create();
        var panel = ctx.Render<VerificationResultPanel>(p => p.Add(c => c.Result, Samples.Verification(ThreeEvidence) with { Timings = null }));

        Assert.Contains("not recorded", panel.Find("[data-testid=timings-not-recorded]").TextContent);
        Assert.Empty(panel.FindAll("[data-testid=stage-breakdown]"));
        Assert.DoesNotContain("0.0 ms", panel.Markup);
    }
}
