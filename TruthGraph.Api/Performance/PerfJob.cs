using TruthGraph.Api.Jobs;

namespace TruthGraph.Api.Performance;

/// <summary>What a finished job leaves: its report, a one-line summary for lists, and optionally a file (a profile's samples).</summary>
public sealed record PerfJobOutcome(object Result, string Summary, byte[]? Artifact = null, string? ArtifactName = null);

/// <summary>One kind of performance job. The worker (and the <c>perf</c> command) run it; it reports progress through the context.</summary>
public interface IPerfJob
{
    PerfJobKind Kind { get; }

    Task<PerfJobOutcome> RunAsync(PerfJobContext context, CancellationToken cancellationToken);
}

/// <summary>A running job's identity, request and progress channel.</summary>
public sealed class PerfJobContext(Guid id, PerfJobKind kind, JsonElement request, Action<PerfEvent> publish)
{
    public Guid Id { get; } = id;
    public PerfJobKind Kind { get; } = kind;
    public JsonElement Request { get; } = request;
    public PerfEvent? Latest { get; private set; }

    public T RequestAs<T>() => Request.Deserialize<T>(PerfJobRepository.Json)
        ?? throw new InvalidOperationException($"The stored request of job {Id} is empty.");

    public void Report(string phase, int completed, int total, string message, object? data = null)
    {
        var percent = total > 0 ? Math.Round(100.0 * Math.Clamp(completed, 0, total) / total, 1) : 0;
        Latest = new PerfEvent(Id, Kind, JobStatus.Running, phase, completed, total, percent, message,
            data is null ? null : JsonSerializer.SerializeToElement(data, data.GetType(), PerfJobRepository.Json), DateTimeOffset.UtcNow);
        publish(Latest);
    }
}
