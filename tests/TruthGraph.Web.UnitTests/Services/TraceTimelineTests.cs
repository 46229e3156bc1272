using static TruthGraph.Web.UnitTests.Samples;

namespace TruthGraph.Web.UnitTests.Services;

/// <summary>The trace timeline's data mapping: spans to waterfall rows with a stage, a depth and a place on the time axis.</summary>
public sealed class TraceTimelineTests
{
    [Fact]
    public void Rows_follow_the_span_tree_depth_first_with_children_in_start_order()
    {
        var trace = Trace(200,
            Span("a", null, "POST /api/verify", "Microsoft.AspNetCore", 0, 200),
            Span("d", "b", "classify pairs", "truthgraph.nli", 120, 60),
            Span("b", "a", "verify", "truthgraph.verify", 10, 180),
            Span("c", "b", "embed claims", "truthgraph.embed", 20, 30),
            Span("e", "c", "embed request", "truthgraph.embed", 25, 20, service: "inference"));

        var rows = TraceTimeline.Rows(trace);

        Assert.Equal(["a", "b", "c", "e", "d"], rows.Select(r => r.Span.SpanId));
        Assert.Equal([0, 1, 2, 3, 2], rows.Select(r => r.Depth));
        Assert.Equal(["http", "verify", "embed", "embed", "nli"], rows.Select(r => r.Stage));
    }

    [Fact]
    public void A_bar_starts_at_its_offset_and_is_as_wide_as_its_duration_in_percent_of_the_trace()
    {
        var rows = RowsById(Trace(400, Span("a", null, "verify", "truthgraph.verify", 0, 400),
            Span("b", "a", "retrieve evidence", "truthgraph.retrieve", 100, 50), Span("c", "a", "store verifications", "truthgraph.db", 300, 100)));

        Assert.Equal((0, 100), (rows["a"].LeftPercent, rows["a"].WidthPercent));
        Assert.Equal((25, 12.5), (rows["b"].LeftPercent, rows["b"].WidthPercent));
        Assert.Equal((75, 25), (rows["c"].LeftPercent, rows["c"].WidthPercent));
        Assert.Equal("database", rows["c"].Stage);
    }

    [Fact]
    public void A_tiny_span_keeps_a_visible_sliver_and_no_bar_runs_past_the_end()
    {
        var rows = RowsById(Trace(1000, Span("a", null, "verify", "truthgraph.verify", 0, 1000),
            Span("b", "a", "aggregate", "truthgraph.aggregate", 500, 0.01), Span("c", "a", "late", "truthgraph.db", 999.99, 5)));

        Assert.Equal(TraceTimeline.MinWidthPercent, rows["b"].WidthPercent);
        Assert.Equal(50, rows["b"].LeftPercent);
        Assert.True(rows["c"].LeftPercent + rows["c"].WidthPercent <= 100.0001);
        Assert.True(rows["c"].WidthPercent >= TraceTimeline.MinWidthPercent);
    }

    [Fact]
    public void A_span_whose_parent_is_missing_starts_a_tree_of_its_own()
    {
        // The parent lives in a service that was not asked (the web's click span, say).
        var trace = Trace(100,
            Span("x", "not-kept", "POST /api/verify", "Microsoft.AspNetCore", 5, 90),
            Span("y", "x", "verify", "truthgraph.verify", 10, 80),
            Span("z", null, "corpus version", "truthgraph.db", 0, 3));

        var rows = TraceTimeline.Rows(trace);

        Assert.Equal(["z", "x", "y"], rows.Select(r => r.Span.SpanId));
        Assert.Equal([0, 0, 1], rows.Select(r => r.Depth));
    }

    [Fact]
    public void A_trace_of_zero_length_draws_every_span_across_the_whole_axis()
    {
        var rows = TraceTimeline.Rows(Trace(0, Span("a", null, "aggregate", "truthgraph.aggregate", 0, 0)));

        Assert.Equal((0, 100), (rows[0].LeftPercent, rows[0].WidthPercent));
    }

    private static Dictionary<string, TimelineRow> RowsById(TraceDetail trace) => TraceTimeline.Rows(trace).ToDictionary(r => r.Span.SpanId);

    /// <summary>An activity source and the stage its spans are drawn as.</summary>
    public static TheoryData<string, string> StagesBySource => new()
    {
        { "truthgraph.embed", "embed" },
        { "truthgraph.retrieve", "retrieve" },
        { "truthgraph.nli", "nli" },
        { "truthgraph.aggregate", "aggregate" },
        { "truthgraph.db", "database" },
        { "Npgsql", "database" },
        { "truthgraph.inference", "model" },
        { "System.Net.Http", "http" },
        { "Microsoft.AspNetCore.Components", "ui" },
        { "truthgraph.dashboard", "ui" },
        { "truthgraph.ingest", "other" },
    };

    [Theory]
    [MemberData(nameof(StagesBySource))]
    public void The_stage_comes_from_the_activity_source(string source, string stage) =>
        Assert.Equal(stage, TraceTimeline.StageOf(Span("a", null, "x", source, 0, 1)));

    [Theory]
    [InlineData("Event onclick -> MudBlazor.EventUtil+AsyncReceiver`1[[Microsoft.AspNetCore.Components.Web.MouseEventArgs, Microsoft.AspNetCore.Components.Web, Version=10.0.0.0]].Invoke",
        "Event onclick -> MudBlazor.EventUtil+AsyncReceiver.Invoke")]
    [InlineData("POST /api/verify", "POST /api/verify")]
    [InlineData("Handler`2[[A, B],[C, D]].Run", "Handler.Run")]
    public void Generic_type_arguments_are_dropped_from_span_names(string name, string expected) =>
        Assert.Equal(expected, TraceTimeline.ShortName(name));
}
