using System.Diagnostics;
using System.Globalization;
using OpenTelemetry;

namespace TruthGraph.ServiceDefaults.Tracing;

/// <summary>Copies every finished, sampled span into the <see cref="RecentSpanBuffer"/>, beside whatever exporter runs.</summary>
public sealed class RecentSpanProcessor(RecentSpanBuffer buffer) : BaseProcessor<Activity>
{
    // Bounds per span: a SQL statement or an exception message can be long, and the buffer holds thousands of spans.
    private const int MaxTags = 32;
    private const int MaxTagLength = 400;

    public override void OnEnd(Activity data)
    {
        if (!data.Recorded)
        {
            return;
        }
        buffer.Add(ToSpan(data, buffer.Service));
    }

    public static TraceSpan ToSpan(Activity activity, string service)
    {
        var tags = new Dictionary<string, string>();
        foreach (var (key, value) in activity.TagObjects)
        {
            if (tags.Count == MaxTags)
            {
                break;
            }
            var text = value switch
            {
                string s => s,
                // Array-valued attributes (OpenTelemetry allows them) would otherwise print as their type name.
                System.Collections.IEnumerable items => string.Join(", ", items.Cast<object?>().Select(i => Convert.ToString(i, CultureInfo.InvariantCulture))),
                _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
            };
            tags[key] = text.Length <= MaxTagLength ? text : string.Concat(text.AsSpan(0, MaxTagLength), "…");
        }
        return new TraceSpan(
            activity.TraceId.ToHexString(),
            activity.SpanId.ToHexString(),
            activity.ParentSpanId == default ? null : activity.ParentSpanId.ToHexString(),
            activity.DisplayName,
            activity.Source.Name,
            service,
            activity.Kind.ToString().ToLowerInvariant(),
            new DateTimeOffset(DateTime.SpecifyKind(activity.StartTimeUtc, DateTimeKind.Utc)),
            Math.Round(activity.Duration.TotalMilliseconds, 3),
            activity.Status.ToString().ToLowerInvariant(),
            activity.StatusDescription,
            tags);
    }
}
