namespace TruthGraph.ServiceDefaults.Tracing;

/// <summary>Turns the spans of one trace, from one service or several, into a trace list line or a whole trace.</summary>
public static class TraceAssembler
{
    private const string HighlightPrefix = "truthgraph.";

    /// <summary>
    /// Orders the spans by start (a span reported twice counts once), measures every start from the earliest one and
    /// names the trace after its root: the earliest span whose parent is not among the spans (it may live in a service
    /// that was not asked).
    /// </summary>
    public static TraceDetail Assemble(string traceId, IEnumerable<TraceSpan> spans, IReadOnlyList<string> notes)
    {
        var ordered = spans
            .DistinctBy(s => s.SpanId)
            .OrderBy(s => s.Start)
            .ThenByDescending(s => s.DurationMs)
            .ToList();
        if (ordered.Count == 0)
        {
            return new TraceDetail(traceId, "", default, 0, [], [], notes);
        }
        var start = ordered[0].Start;
        var end = ordered.Max(s => s.Start.AddMilliseconds(s.DurationMs));
        var timed = ordered.Select(s => s with { StartOffsetMs = Math.Round((s.Start - start).TotalMilliseconds, 3) }).ToList();
        return new TraceDetail(traceId, RootOf(ordered).Name, start, Math.Round((end - start).TotalMilliseconds, 3),
            ordered.Select(s => s.Service).Distinct().ToList(), timed, notes);
    }

    public static TraceSummary Summarize(string traceId, IReadOnlyList<TraceSpan> spans)
    {
        var ordered = spans.OrderBy(s => s.Start).ToList();
        var root = RootOf(ordered);
        var start = ordered[0].Start;
        var end = ordered.Max(s => s.Start.AddMilliseconds(s.DurationMs));
        var highlights = new Dictionary<string, string>();
        foreach (var span in ordered)
        {
            foreach (var (key, value) in span.Tags)
            {
                if (key.StartsWith(HighlightPrefix, StringComparison.Ordinal))
                {
                    highlights.TryAdd(key, value);
                }
            }
        }
        return new TraceSummary(traceId, root.Name, root.Service, start, Math.Round((end - start).TotalMilliseconds, 3), ordered.Count,
            ordered.Select(s => s.Source).Distinct().ToList(), highlights);
    }

    private static TraceSpan RootOf(IReadOnlyList<TraceSpan> ordered)
    {
        var ids = ordered.Select(s => s.SpanId).ToHashSet();
        return ordered.FirstOrDefault(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)) ?? ordered[0];
    }
}
