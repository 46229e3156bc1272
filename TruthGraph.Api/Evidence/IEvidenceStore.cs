using System.Data.Common;

namespace TruthGraph.Api.Evidence;

/// <summary>Evidence sentences with their embeddings: written in batches, searched by vector.</summary>
public interface IEvidenceStore
{
    /// <summary>
    /// Inserts or updates a batch keyed on (source, external id), all or nothing. <paramref name="beforeCommit"/> runs in
    /// the same transaction, so that a caller's bookkeeping (an ingestion job's progress) commits with the rows or not at all.
    /// </summary>
    Task<UpsertResult> UpsertBatchAsync(IReadOnlyList<EvidenceRecord> batch,
        Func<DbConnection, DbTransaction, UpsertResult, CancellationToken, Task>? beforeCommit, CancellationToken cancellationToken);

    /// <summary>The keys among <paramref name="candidates"/> already stored with the same text and model: no need to embed them again.</summary>
    Task<IReadOnlySet<(string Source, string ExternalId)>> FindUnchangedAsync(
        IReadOnlyList<EvidenceCandidate> candidates, string modelId, CancellationToken cancellationToken);

    /// <summary>The <paramref name="topK"/> nearest sentences by cosine similarity, keeping those at or above <paramref name="minSimilarity"/>.</summary>
    Task<IReadOnlyList<EvidenceHit>> SearchAsync(float[] query, int topK, double minSimilarity, CancellationToken cancellationToken);

    Task<IReadOnlyList<SourceCount>> CountBySourceAsync(CancellationToken cancellationToken);

    /// <summary>Bumped by every committed change to the evidence: a result cache keys on it.</summary>
    Task<long> GetCorpusVersionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Removes every sentence and document of <paramref name="source"/> in one transaction, unless an ingestion into it
    /// is queued or running (removing under it would leave half a file in the corpus).
    /// </summary>
    Task<SourceDeletion> DeleteSourceAsync(string source, CancellationToken cancellationToken);
}

/// <summary>A sentence ready to store. <see cref="DocumentExternalId"/> links it to a document of the same source.</summary>
public sealed record EvidenceRecord(
    string Source, string ExternalId, string Text, float[] Embedding, string ModelId, string? DocumentExternalId, string? DocumentTitle);

public sealed record EvidenceCandidate(string Source, string ExternalId, string Text);

public sealed record UpsertResult(int Inserted, int Updated, int Unchanged);

/// <summary>A retrieved sentence. Its stored <see cref="Embedding"/> comes along so that a bi-encoder NLI model need not embed it again.</summary>
public sealed record EvidenceHit(
    long Id, string Source, string ExternalId, string Text, double Similarity, string? DocumentTitle,
    [property: System.Text.Json.Serialization.JsonIgnore] float[] Embedding);

public sealed record SourceCount(string Source, long Sentences, long Documents);

public enum SourceDeletionOutcome { Deleted, NotFound, IngestionPending }

/// <summary>What <see cref="IEvidenceStore.DeleteSourceAsync"/> did; <see cref="CorpusVersion"/> is the version after a deletion.</summary>
public sealed record SourceDeletion(SourceDeletionOutcome Outcome, long Sentences, long Documents, long? CorpusVersion);
