namespace TruthGraph.Api.Evidence;

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

/// <summary>What <see cref="PgvectorEvidenceStore.DeleteSourceAsync"/> did; <see cref="CorpusVersion"/> is the version after a deletion.</summary>
public sealed record SourceDeletion(SourceDeletionOutcome Outcome, long Sentences, long Documents, long? CorpusVersion);
