namespace TruthGraph.Web.Services;

// The dashboard's views of the API's evidence and ingestion answers (the API owns the contracts; these mirror what is shown).

public sealed record EvidenceStatsView(long CorpusVersion, long TotalSentences, IReadOnlyList<SourceCountView> Sources);

public sealed record SourceCountView(string Source, long Sentences, long Documents);

public sealed record SourceRemovedView(string Source, long Sentences, long Documents, long CorpusVersion);

public sealed record EvidenceSearchView(string Query, IReadOnlyList<EvidenceHitView> Hits);

public sealed record EvidenceHitView(long Id, string Source, string ExternalId, string Text, double Similarity, string? DocumentTitle);

public sealed record IngestionJobView(
    Guid Id, JobStatus Status, string Format, string Source, int Total, int Processed, int Inserted, int Updated, int Skipped,
    int Rejected, double? SentencesPerSecond, double? EtaSeconds, IReadOnlyList<IngestionErrorView> Errors, string? Failure,
    DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt)
{
    /// <summary>The states after which the job changes no more: polling stops there.</summary>
    public bool IsFinished => Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;

    public double Percent => Total == 0 ? (IsFinished ? 100 : 0) : Math.Min(100, 100.0 * Processed / Total);
}

public sealed record IngestionErrorView(int Line, string Field, string Reason);

/// <summary>A page of <c>GET /api/evidence/sentences</c>.</summary>
public sealed record EvidenceSentencePageView(IReadOnlyList<EvidenceSentenceView> Items, int Page, int PageSize, long Total)
{
    public int Pages => Total == 0 ? 1 : (int)((Total + PageSize - 1) / PageSize);
}

public sealed record EvidenceSentenceView(long Id, string Source, string ExternalId, string Text, string? DocumentExternalId, string? DocumentTitle);
