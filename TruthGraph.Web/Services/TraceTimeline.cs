using TruthGraph.ServiceDefaults.Tracing;

namespace TruthGraph.Web.Services;

/// <summary>One bar of the trace timeline: a span, its pipeline stage, its nesting and its place on the time axis in percent.</summary>
public sealed record TimelineRow(TraceSpan Span, string Stage, int Depth, double LeftPercent, double WidthPercent);

/// <summary>
/// Lays a trace out as a waterfall: every span under its parent (children by start time), each as a bar whose left
/// edge and width are its start offset and duration as shares of the whole trace.
/// </summary>
public static class TraceTimeline
{
    /// <summary>A span of a few microseconds in a trace of seconds still gets a visible sliver.</summary>
    public const double MinWidthPercent = 0.4;

    public static IReadOnlyList<TimelineRow> Rows(TraceDetail trace)
    {
        var ids = trace.Spans.Select(s => s.SpanId).ToHashSet();
        var children = trace.Spans
            .Where(s => s.ParentSpanId is not null && ids.Contains(s.ParentSpanId))
            .GroupBy(s => s.ParentSpanId!)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.StartOffsetMs).ToList());
        // A span whose parent is in another service that was not asked (or is no longer kept) starts a tree of its own.
        var roots = trace.Spans.Where(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId)).OrderBy(s => s.StartOffsetMs);

        var rows = new List<TimelineRow>(trace.Spans.Count);
        var visited = new HashSet<string>();
        foreach (var root in roots)
        {
            Visit(root, 0);
        }
        return rows;

        void Visit(TraceSpan span, int depth)
        {
            if (!visited.Add(span.SpanId))
            {
                return;
            }
            var (left, width) = Place(span, trace.DurationMs);
            rows.Add(new TimelineRow(span, StageOf(span), depth, left, width));
            foreach (var child in children.GetValueOrDefault(span.SpanId) ?? [])
            {
                Visit(child, depth + 1);
            }
        }
    }

    /// <summary>The stage a span belongs to, by the activity source that made it (the pipeline names one per stage).</summary>
    public static string StageOf(TraceSpan span) => span.Source switch
    {
        "truthgraph.embed" => "embed",
        "truthgraph.retrieve" => "retrieve",
        "truthgraph.nli" => "nli",
        "truthgraph.aggregate" => "aggregate",
        "truthgraph.db" or "Npgsql" => "database",
        "truthgraph.verify" => "verify",
        "truthgraph.inference" => "model",
        "Microsoft.AspNetCore" or "System.Net.Http" => "http",
        "Microsoft.AspNetCore.Components" or DashboardTelemetry.SourceName => "ui",
        _ => "other",
    };

    /// <summary>
    /// A span name without the generic type arguments that Blazor writes into its event spans
    /// (<c>AsyncReceiver`1[[Microsoft.AspNetCore.Components.Web.MouseEventArgs, …]]</c>): the rest says what happened.
    /// </summary>
    public static string ShortName(string name)
    {
        var start = name.IndexOf("`", StringComparison.Ordinal);
        if (start < 0)
        {
            return name;
        }
        var open = name.IndexOf("[[", start, StringComparison.Ordinal);
        var close = open < 0 ? -1 : name.IndexOf("]]", open, StringComparison.Ordinal);
        return close < 0 ? name : ShortName(name[..start] + name[(close + 2)..]);
    }

    private static (double Left, double Width) Place(TraceSpan span, double traceMs)
    {
        if (traceMs <= 0)
        {
            return (0, 100);
        }
        var left = Math.Clamp(span.StartOffsetMs / traceMs * 100, 0, 100 - MinWidthPercent);
        var width = Math.Clamp(span.DurationMs / traceMs * 100, MinWidthPercent, 100 - left);
        return (Math.Round(left, 3), Math.Round(width, 3));
    }
}
