namespace TruthGraph.ServiceDefaults.UnitTests.Tracing;

public sealed class RecentSpanBufferTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static TraceSpan Span(int trace, int span, double offsetMs = 0, string source = "truthgraph.verify", string? parent = null) =>
        new($"{trace:x32}", $"{span:x16}", parent, $"span {span}", source, "api", "internal", T0.AddMilliseconds(offsetMs), 1, "unset", null,
            new Dictionary<string, string>());

    [Fact]
    public void Past_the_trace_bound_the_trace_that_arrived_first_goes_whole()
    {
        var buffer = new RecentSpanBuffer("api", maxTraces: 2);
        buffer.Add(Span(1, 1));
        buffer.Add(Span(2, 2));
        buffer.Add(Span(1, 3));
        buffer.Add(Span(3, 4));

        Assert.Empty(buffer.Find($"{1:x32}").Spans);
        Assert.Single(buffer.Find($"{2:x32}").Spans);
        Assert.Single(buffer.Find($"{3:x32}").Spans);
    }

    [Fact]
    public void Past_the_span_bound_whole_traces_go_oldest_first_until_the_spans_fit()
    {
        var buffer = new RecentSpanBuffer("api", maxTraces: 10, maxSpans: 5);
        for (var i = 0; i < 3; i++)
        {
            buffer.Add(Span(1, i));
        }
        buffer.Add(Span(2, 10));
        buffer.Add(Span(2, 11));
        buffer.Add(Span(3, 20));

        Assert.Empty(buffer.Find($"{1:x32}").Spans);
        Assert.Equal(2, buffer.Find($"{2:x32}").Spans.Count);
        Assert.Single(buffer.Find($"{3:x32}").Spans);
    }

    [Fact]
    public void A_trace_keeps_its_first_spans_up_to_the_bound_and_counts_the_rest()
    {
        var buffer = new RecentSpanBuffer("api", maxSpansPerTrace: 3);
        for (var i = 0; i < 5; i++)
        {
            buffer.Add(Span(7, i));
        }

        var (spans, dropped) = buffer.Find($"{7:x32}");
        Assert.Equal(["span 0", "span 1", "span 2"], spans.Select(s => s.Name));
        Assert.Equal(2, dropped);
        Assert.Equal(["api kept the first 3 spans of this trace and dropped 2."], RecentTracesApi.DroppedNotes(buffer, dropped));
    }

    [Fact]
    public void The_list_is_newest_first_limited_and_filtered_by_source()
    {
        var buffer = new RecentSpanBuffer("api");
        buffer.Add(Span(1, 1, offsetMs: 0, source: "truthgraph.verify"));
        buffer.Add(Span(2, 2, offsetMs: 10, source: "truthgraph.ingest"));
        buffer.Add(Span(3, 3, offsetMs: 20, source: "Microsoft.AspNetCore"));
        buffer.Add(Span(3, 4, offsetMs: 21, source: "truthgraph.verify", parent: $"{3:x16}"));

        Assert.Equal([$"{3:x32}", $"{2:x32}", $"{1:x32}"], buffer.List(10).Select(t => t.TraceId));
        Assert.Equal([$"{3:x32}"], buffer.List(1).Select(t => t.TraceId));
        var verifications = buffer.List(10, "truthgraph.verify");
        Assert.Equal([$"{3:x32}", $"{1:x32}"], verifications.Select(t => t.TraceId));
        Assert.Equal(2, verifications[0].SpanCount);
        Assert.Equal("span 3", verifications[0].RootName);
    }
}
