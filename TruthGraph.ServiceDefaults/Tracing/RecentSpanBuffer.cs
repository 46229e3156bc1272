namespace TruthGraph.ServiceDefaults.Tracing;

/// <summary>
/// The spans this service finished lately, grouped by trace, so that the dashboard can show a trace without an
/// external trace store. Bounded three ways: traces kept, spans kept in all, spans kept per trace. When a bound is
/// passed the trace that started arriving first goes as a whole (half a trace would mislead more than none).
/// </summary>
public sealed class RecentSpanBuffer(string service, int maxTraces = RecentSpanBuffer.DefaultMaxTraces,
    int maxSpans = RecentSpanBuffer.DefaultMaxSpans, int maxSpansPerTrace = RecentSpanBuffer.DefaultMaxSpansPerTrace)
{
    public const int DefaultMaxTraces = 256;
    public const int DefaultMaxSpans = 8192;
    // An ingestion job of a large file is one trace with a span per batch and per query: its head is enough to read.
    public const int DefaultMaxSpansPerTrace = 1024;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _traces = [];
    private readonly Queue<string> _arrival = new();
    private int _spanCount;

    /// <summary>The name this service reports its spans under (the OpenTelemetry service name).</summary>
    public string Service { get; } = service;

    public int Capacity => maxTraces;

    public int MaxSpansPerTrace => maxSpansPerTrace;

    public void Add(TraceSpan span)
    {
        lock (_gate)
        {
            if (!_traces.TryGetValue(span.TraceId, out var entry))
            {
                entry = new Entry();
                _traces.Add(span.TraceId, entry);
                _arrival.Enqueue(span.TraceId);
            }
            if (entry.Spans.Count >= maxSpansPerTrace)
            {
                entry.Dropped++;
                return;
            }
            entry.Spans.Add(span);
            _spanCount++;
            while (_traces.Count > maxTraces || _spanCount > maxSpans)
            {
                var oldest = _arrival.Dequeue();
                _spanCount -= _traces[oldest].Spans.Count;
                _traces.Remove(oldest);
            }
        }
    }

    /// <summary>The kept spans of one trace (empty when none), and how many were dropped over the per-trace bound.</summary>
    public (IReadOnlyList<TraceSpan> Spans, int Dropped) Find(string traceId)
    {
        lock (_gate)
        {
            return _traces.TryGetValue(traceId, out var entry) ? (entry.Spans.ToList(), entry.Dropped) : ([], 0);
        }
    }

    /// <summary>The newest traces first; with <paramref name="source"/>, only traces with a span from that activity source.</summary>
    public IReadOnlyList<TraceSummary> List(int limit, string? source = null)
    {
        List<(string TraceId, List<TraceSpan> Spans)> snapshot;
        lock (_gate)
        {
            snapshot = _traces
                .Where(t => source is null || t.Value.Spans.Exists(s => s.Source == source))
                .Select(t => (t.Key, t.Value.Spans.ToList()))
                .ToList();
        }
        return snapshot
            .Where(t => t.Spans.Count > 0)
            .Select(t => TraceAssembler.Summarize(t.TraceId, t.Spans))
            .OrderByDescending(t => t.Start)
            .Take(limit)
            .ToList();
    }

    private sealed class Entry
    {
        public List<TraceSpan> Spans { get; } = [];
        public int Dropped { get; set; }
    }
}
