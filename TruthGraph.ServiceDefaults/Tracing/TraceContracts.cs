namespace TruthGraph.ServiceDefaults.Tracing;

/// <summary>
/// A finished span as a service keeps it for the dashboard. <see cref="StartOffsetMs"/> is measured from the start of
/// its trace and is filled in when the trace is assembled (spans of several services are only comparable then).
/// </summary>
public sealed record TraceSpan(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Source,
    string Service,
    string Kind,
    DateTimeOffset Start,
    double DurationMs,
    string Status,
    string? StatusDescription,
    IReadOnlyDictionary<string, string> Tags,
    double StartOffsetMs = 0);

/// <summary>One trace: its spans ordered by start, with where it began, how long it took and which services took part.</summary>
/// <param name="Notes">What could not be gathered (a service that did not answer): the trace may lack spans because of it.</param>
public sealed record TraceDetail(
    string TraceId,
    string RootName,
    DateTimeOffset Start,
    double DurationMs,
    IReadOnlyList<string> Services,
    IReadOnlyList<TraceSpan> Spans,
    IReadOnlyList<string> Notes);

/// <summary>A line of the trace list.</summary>
/// <param name="Highlights">The first value of each <c>truthgraph.*</c> tag in the trace (a claim, a verdict): what the trace was about.</param>
public sealed record TraceSummary(
    string TraceId,
    string RootName,
    string Service,
    DateTimeOffset Start,
    double DurationMs,
    int SpanCount,
    IReadOnlyList<string> Sources,
    IReadOnlyDictionary<string, string> Highlights);

/// <summary>Answer of the trace list endpoints: newest first, and how many traces the service keeps at most.</summary>
public sealed record TraceList(IReadOnlyList<TraceSummary> Traces, int Capacity);
