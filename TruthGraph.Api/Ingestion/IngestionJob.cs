using TruthGraph.Api.Jobs;

namespace TruthGraph.Api.Ingestion;

/// <summary>An ingestion job as the API shows it: counts, rate, ETA and rejected lines.</summary>
public sealed record IngestionJobView(
    Guid Id, JobStatus Status, string Format, string Source, string ModelId, string? Title,
    int Total, int Processed, int Inserted, int Updated, int Skipped, int Rejected, int LastLine,
    double? SentencesPerSecond, double? EtaSeconds, IReadOnlyList<IngestionError> Errors, string? Failure,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt);

/// <summary>A job the worker has taken, with its upload, and how far an earlier run got.</summary>
public sealed record ClaimedJob(
    Guid Id, IngestionFormat Format, string Source, string ModelId, string? Title, byte[] Payload,
    int Processed, int Inserted, int Updated, int Skipped, double ActiveSeconds);

/// <summary>Progress to record with a committed batch; counts are deltas, <see cref="Processed"/> is absolute.</summary>
public sealed record BatchProgress(int Processed, int LastLine, int Inserted, int Updated, int Skipped, double ActiveSeconds);
