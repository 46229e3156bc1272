using System.Net.ServerSentEvents;

namespace TruthGraph.Inference.UnitTests;

/// <summary>Reads a server-sent event stream to its end: every event's type and JSON data, in order.</summary>
internal static class SseStream
{
    public static async Task<List<(string Type, JsonElement Data)>> ReadAllAsync(HttpResponseMessage response, CancellationToken cancellationToken = default)
    {
        var events = new List<(string, JsonElement)>();
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken))
        {
            events.Add((item.EventType, JsonDocument.Parse(item.Data).RootElement.Clone()));
        }
        return events;
    }
}
