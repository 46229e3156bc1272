using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Pgvector;

namespace TruthGraph.Api.Evidence;

/// <summary>
/// The evidence store (sentences with their embeddings, written in batches, searched by vector) on PostgreSQL +
/// pgvector. Batches go in by binary COPY into a temporary table and one <c>INSERT … ON CONFLICT</c> from it: COPY is
/// the fastest way in, and the conflict clause makes every batch idempotent, which is what lets a crashed ingestion
/// job resume without duplicates.
/// </summary>
public sealed class PgvectorEvidenceStore(NpgsqlDataSource dataSource)
{
    public static readonly ActivitySource RetrieveActivity = new("truthgraph.retrieve");

    /// <summary>The smallest <c>hnsw.ef_search</c> a search runs with (see docs/SCALING.md for the measurements behind it).</summary>
    internal const int MinEfSearch = 320;

    /// <summary>
    /// The k nearest by cosine distance between the halfvec casts, which is the expression migration 0007 indexes:
    /// written any other way the planner could not use the index. The similarity reported, and the threshold applied to
    /// it, come from the full-precision column. The threshold sits outside the ORDER BY … LIMIT so that the index still
    /// drives the scan.
    /// </summary>
    internal const string NearestSql = """
        SELECT n.id, n.source, n.external_id, n.text, n.similarity, d.title, n.embedding
        FROM (SELECT id, source, external_id, text, document_id, embedding, 1 - (embedding <=> @query) AS similarity
              FROM evidence ORDER BY embedding::halfvec(384) <=> @query::halfvec(384) LIMIT @k) n
        LEFT JOIN documents d ON d.id = n.document_id
        WHERE n.similarity >= @min
        ORDER BY n.similarity DESC
        """;

    /// <summary>
    /// Inserts or updates a batch keyed on (source, external id), all or nothing. <paramref name="beforeCommit"/> runs in
    /// the same transaction, so that a caller's bookkeeping (an ingestion job's progress) commits with the rows or not at all.
    /// </summary>
    public async Task<UpsertResult> UpsertBatchAsync(IReadOnlyList<EvidenceRecord> batch,
        Func<DbConnection, DbTransaction, UpsertResult, CancellationToken, Task>? beforeCommit, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = new UpsertResult(0, 0, 0);
        if (batch.Count > 0)
        {
            await ExecuteAsync(connection, transaction, """
                CREATE TEMP TABLE IF NOT EXISTS evidence_staging (
                    ord integer, source text, external_id text, text text, embedding vector(384), model_id text,
                    doc_external_id text, doc_title text) ON COMMIT DELETE ROWS
                """, cancellationToken);
            await CopyAsync(connection, batch, cancellationToken);
            await ExecuteAsync(connection, transaction, """
                INSERT INTO documents (source, external_id, title)
                SELECT DISTINCT ON (source, doc_external_id) source, doc_external_id, doc_title
                FROM evidence_staging WHERE doc_external_id IS NOT NULL
                ORDER BY source, doc_external_id, ord DESC
                ON CONFLICT (source, external_id) DO UPDATE SET title = EXCLUDED.title
                WHERE EXCLUDED.title IS NOT NULL AND documents.title IS DISTINCT FROM EXCLUDED.title
                """, cancellationToken);
            // DISTINCT ON: a key twice in one statement would make ON CONFLICT DO UPDATE fail; the later line wins.
            // The WHERE on the update leaves identical rows alone, so re-ingesting a file changes nothing.
            await using var upsert = new NpgsqlCommand("""
                WITH changed AS (
                    INSERT INTO evidence (source, external_id, text, embedding, model_id, document_id)
                    SELECT DISTINCT ON (s.source, s.external_id) s.source, s.external_id, s.text, s.embedding, s.model_id, d.id
                    FROM evidence_staging s
                    LEFT JOIN documents d ON d.source = s.source AND d.external_id = s.doc_external_id
                    ORDER BY s.source, s.external_id, s.ord DESC
                    ON CONFLICT (source, external_id) DO UPDATE
                    SET text = EXCLUDED.text, embedding = EXCLUDED.embedding, model_id = EXCLUDED.model_id,
                        document_id = EXCLUDED.document_id, updated_at = now()
                    WHERE (evidence.text, evidence.model_id, evidence.document_id)
                          IS DISTINCT FROM (EXCLUDED.text, EXCLUDED.model_id, EXCLUDED.document_id)
                    RETURNING (xmax = 0) AS inserted)
                SELECT count(*) FILTER (WHERE inserted)::int, count(*) FILTER (WHERE NOT inserted)::int FROM changed
                """, connection, transaction);
            await using (var reader = await upsert.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                var inserted = reader.GetInt32(0);
                var updated = reader.GetInt32(1);
                result = new UpsertResult(inserted, updated, batch.Count - inserted - updated);
            }
            if (result.Inserted + result.Updated > 0)
            {
                await ExecuteAsync(connection, transaction,
                    "UPDATE corpus_state SET version = version + 1, updated_at = now()", cancellationToken);
            }
        }
        if (beforeCommit is not null)
        {
            await beforeCommit(connection, transaction, result, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>The keys among <paramref name="candidates"/> already stored with the same text and model: no need to embed them again.</summary>
    public async Task<IReadOnlySet<(string Source, string ExternalId)>> FindUnchangedAsync(
        IReadOnlyList<EvidenceCandidate> candidates, string modelId, CancellationToken cancellationToken)
    {
        var unchanged = new HashSet<(string, string)>();
        if (candidates.Count == 0)
        {
            return unchanged;
        }
        await using var command = dataSource.CreateCommand("""
            SELECT e.source, e.external_id
            FROM unnest(@sources, @ids, @texts) AS k(source, external_id, text)
            JOIN evidence e ON e.source = k.source AND e.external_id = k.external_id
            WHERE e.text = k.text AND e.model_id = @model
            """);
        command.Parameters.AddWithValue("sources", candidates.Select(c => c.Source).ToArray());
        command.Parameters.AddWithValue("ids", candidates.Select(c => c.ExternalId).ToArray());
        command.Parameters.AddWithValue("texts", candidates.Select(c => c.Text).ToArray());
        command.Parameters.AddWithValue("model", modelId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            unchanged.Add((reader.GetString(0), reader.GetString(1)));
        }
        return unchanged;
    }

    /// <summary>The <paramref name="topK"/> nearest sentences by cosine similarity, keeping those at or above <paramref name="minSimilarity"/>.</summary>
    public async Task<IReadOnlyList<EvidenceHit>> SearchAsync(float[] query, int topK, double minSimilarity, CancellationToken cancellationToken)
    {
        using var activity = RetrieveActivity.StartActivity("search evidence");
        activity?.SetTag("truthgraph.retrieve.top_k", topK);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // HNSW returns at most ef_search candidates: never fewer than twice k, and never below the floor that
        // docs/SCALING.md measured to keep recall@10 at or above 0.95 on a million sentences.
        await ExecuteAsync(connection, transaction,
            $"SET LOCAL hnsw.ef_search = {Math.Clamp(Math.Max(topK * 2, MinEfSearch), MinEfSearch, 1000)}", cancellationToken);
        await using var command = new NpgsqlCommand(NearestSql, connection, transaction);
        command.Parameters.AddWithValue("query", new Vector(query));
        command.Parameters.AddWithValue("k", topK);
        command.Parameters.AddWithValue("min", minSimilarity);
        var hits = new List<EvidenceHit>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                hits.Add(new EvidenceHit(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                    reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetFieldValue<Vector>(6).ToArray()));
            }
        }
        await transaction.CommitAsync(cancellationToken);
        activity?.SetTag("truthgraph.retrieve.hits", hits.Count);
        return hits;
    }

    public async Task<IReadOnlyList<SourceCount>> CountBySourceAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT e.source, e.sentences, coalesce(d.documents, 0)
            FROM (SELECT source, count(*) AS sentences FROM evidence GROUP BY source) e
            LEFT JOIN (SELECT source, count(*) AS documents FROM documents GROUP BY source) d USING (source)
            ORDER BY e.source
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var counts = new List<SourceCount>();
        while (await reader.ReadAsync(cancellationToken))
        {
            counts.Add(new SourceCount(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2)));
        }
        return counts;
    }

    /// <summary>Bumped by every committed change to the evidence: a result cache keys on it.</summary>
    public async Task<long> GetCorpusVersionAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT version FROM corpus_state");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Removes every sentence and document of <paramref name="source"/> in one transaction, unless an ingestion into it
    /// is queued or running (removing under it would leave half a file in the corpus).
    /// </summary>
    public async Task<SourceDeletion> DeleteSourceAsync(string source, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var pending = new NpgsqlCommand(
            "SELECT count(*) FROM ingestion_jobs WHERE source = $1 AND status IN ('queued', 'running')", connection, transaction))
        {
            pending.Parameters.Add(new NpgsqlParameter { Value = source });
            if ((long)(await pending.ExecuteScalarAsync(cancellationToken))! > 0)
            {
                return new SourceDeletion(SourceDeletionOutcome.IngestionPending, 0, 0, null);
            }
        }
        long sentences, documents;
        await using (var delete = new NpgsqlCommand("""
            WITH removed_evidence AS (DELETE FROM evidence WHERE source = $1 RETURNING 1),
                 removed_documents AS (DELETE FROM documents WHERE source = $1 RETURNING 1)
            SELECT (SELECT count(*) FROM removed_evidence), (SELECT count(*) FROM removed_documents)
            """, connection, transaction))
        {
            delete.Parameters.Add(new NpgsqlParameter { Value = source });
            await using var reader = await delete.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            (sentences, documents) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        if (sentences + documents == 0)
        {
            return new SourceDeletion(SourceDeletionOutcome.NotFound, 0, 0, null);
        }
        await using var bump = new NpgsqlCommand(
            "UPDATE corpus_state SET version = version + 1, updated_at = now() RETURNING version", connection, transaction);
        var version = (long)(await bump.ExecuteScalarAsync(cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        return new SourceDeletion(SourceDeletionOutcome.Deleted, sentences, documents, version);
    }

    private static async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<EvidenceRecord> batch, CancellationToken cancellationToken)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY evidence_staging (ord, source, external_id, text, embedding, model_id, doc_external_id, doc_title) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        for (var i = 0; i < batch.Count; i++)
        {
            var record = batch[i];
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(record.Source, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(record.ExternalId, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(record.Text, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(new Vector(record.Embedding), cancellationToken);
            await writer.WriteAsync(record.ModelId, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(writer, record.DocumentExternalId, cancellationToken);
            await WriteNullableAsync(writer, record.DocumentTitle, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, string? value, CancellationToken cancellationToken) =>
        value is null ? writer.WriteNullAsync(cancellationToken) : writer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
