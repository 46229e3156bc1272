namespace TruthGraph.ServiceDefaults.UnitTests.Tracing;

public sealed class TraceAssemblerTests
{
    private const string TraceId = "0af7651916cd43dd8448eb211c80319c";
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static TraceSpan Span(string id, string? parent, double startMs, double durationMs, string service,
        Dictionary<string, string>? tags = null) =>
        new(TraceId, id, parent, $"{service} {id}", "truthgraph.verify", service, "internal", T0.AddMilliseconds(startMs), durationMs,
            "unset", null, tags ?? []);

    [Fact]
    public void Spans_of_two_services_become_one_trace_ordered_by_start_with_offsets_from_the_earliest()
    {
        var api = new[] { Span("a1", "web-click", 10, 100, "api"), Span("a2", "a1", 20, 30, "api") };
        var inference = new[] { Span("i1", "a2", 25, 20, "inference"), Span("a2", "a1", 20, 30, "api") };

        var trace = TraceAssembler.Assemble(TraceId, [.. api, .. inference], ["a note"]);

        Assert.Equal(["a1", "a2", "i1"], trace.Spans.Select(s => s.SpanId));
        Assert.Equal([0.0, 10, 15], trace.Spans.Select(s => s.StartOffsetMs));
        Assert.Equal(T0.AddMilliseconds(10), trace.Start);
        Assert.Equal(100, trace.DurationMs);
        Assert.Equal("api a1", trace.RootName);
        Assert.Equal(["api", "inference"], trace.Services);
        Assert.Equal(["a note"], trace.Notes);
    }

    [Fact]
    public void The_duration_runs_to_the_span_that_ends_last_not_the_one_that_starts_last()
    {
        var trace = TraceAssembler.Assemble(TraceId, [Span("a", null, 0, 500, "api"), Span("b", "a", 100, 10, "api")], []);

        Assert.Equal(500, trace.DurationMs);
    }

    [Fact]
    public void A_summary_carries_the_first_value_of_each_truthgraph_tag_and_ignores_other_tags()
    {
        var spans = new[]
        {
            Span("a", null, 0, 50, "api", new() { ["http.route"] = "/api/verify" }),
            Span("b", "a", 5, 40, "api", new() { ["truthgraph.claim"] = "Ice melts.", ["truthgraph.verdict"] = "SUPPORTED" }),
            Span("c", "b", 10, 5, "api", new() { ["truthgraph.claim"] = "a later value" }),
        };

        var summary = TraceAssembler.Summarize(TraceId, spans);

        Assert.Equal(new Dictionary<string, string> { ["truthgraph.claim"] = "Ice melts.", ["truthgraph.verdict"] = "SUPPORTED" }, summary.Highlights);
        Assert.Equal(3, summary.SpanCount);
        Assert.Equal(50, summary.DurationMs);
        Assert.Equal("api a", summary.RootName);
    }
}
