using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using TruthGraph.Api.Jobs;
using TruthGraph.ServiceDefaults;

namespace TruthGraph.Api.Ingestion;

/// <summary>The <c>ingestion_jobs</c> table: jobs live in the database so that they survive restarts and crashes.</summary>
public sealed class IngestionJobRepository(NpgsqlDataSource dataSource, JobRunner runner)
{
    /// <summary>Enough to see what is wrong with a file; the full count is kept in 'rejected'.</summary>
    public const int MaxStoredErrors = 1000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string ViewColumns = """
        id, status, format, source, model_id, title, total, processed, inserted, updated, skipped, rejected, last_line,
        errors::text, failure, created_at, started_at, finished_at, active_seconds
        """;

    public async Task<Guid> CreateAsync(IngestionFormat format, string source, string modelId, string? title, byte[] payload,
        int total, IReadOnlyList<IngestionError> errors, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        await using var command = dataSource.CreateCommand("""
            INSERT INTO ingestion_jobs (id, status, format, source, model_id, title, total, rejected, errors, payload, payload_bytes)
            VALUES (@id, 'queued', @format, @source, @model, @title, @total, @rejected, @errors, @payload, @bytes)
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("format", IngestionFormats.Name(format));
        command.Parameters.AddWithValue("source", source);
        command.Parameters.AddWithValue("model", modelId);
        command.Parameters.AddWithValue("title", (object?)title ?? DBNull.Value);
        command.Parameters.AddWithValue("total", total);
        command.Parameters.AddWithValue("rejected", errors.Count);
        command.Parameters.AddWithValue("errors", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(errors.Take(MaxStoredErrors), Json));
        command.Parameters.AddWithValue("payload", payload);
        command.Parameters.AddWithValue("bytes", payload.Length);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return id;
    }

    public Task<IngestionJobView?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        dataSource.ReadByIdAsync($"SELECT {ViewColumns} FROM ingestion_jobs WHERE id = @id", id, ReadView, cancellationToken);

    public async Task<IReadOnlyList<IngestionJobView>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"SELECT {ViewColumns} FROM ingestion_jobs ORDER BY created_at DESC LIMIT @limit");
        command.Parameters.AddWithValue("limit", limit);
        return await command.ReadAllAsync(ReadView, cancellationToken);
    }

    /// <summary>
    /// Jobs left 'running' by a replica that died (its runner lock is free), or by this one after an outage cut them off,
    /// go back to the queue. A live replica's running job is left alone, so replicas may call this at any time.
    /// </summary>
    /// <param name="atStart">Also requeue jobs with no runner (left by a version that did not record one).</param>
    public async Task<int> RequeueInterruptedAsync(CancellationToken cancellationToken, bool atStart = false)
    {
        await using var command = dataSource.CreateCommand($"""
            UPDATE ingestion_jobs SET status = 'queued', runner = NULL
            WHERE status = 'running' AND (runner = @me OR {JobRunner.RunnerIsGone} OR (@atStart AND runner IS NULL))
            """);
        command.Parameters.AddWithValue("atStart", atStart);
        command.Parameters.AddWithValue("me", runner.Id);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<ClaimedJob?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE ingestion_jobs SET status = 'running', started_at = coalesce(started_at, now()), runner = @runner
            WHERE id = (SELECT id FROM ingestion_jobs WHERE status = 'queued' ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id, format, source, model_id, title, payload, processed, inserted, updated, skipped, active_seconds
            """);
        command.Parameters.AddWithValue("runner", runner.Id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        return new ClaimedJob(reader.GetGuid(0), IngestionFormats.ByName[reader.GetString(1)], reader.GetString(2), reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetFieldValue<byte[]>(5), reader.GetInt32(6), reader.GetInt32(7),
            reader.GetInt32(8), reader.GetInt32(9), reader.GetDouble(10));
    }

    /// <summary>Runs inside the evidence batch's transaction: progress commits exactly when the rows do.</summary>
    public static async Task RecordBatchAsync(DbConnection connection, DbTransaction transaction, Guid jobId, BatchProgress progress,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE ingestion_jobs
            SET processed = @processed, last_line = @line, inserted = inserted + @inserted, updated = updated + @updated,
                skipped = skipped + @skipped, active_seconds = @active
            WHERE id = @id
            """, (NpgsqlConnection)connection, (NpgsqlTransaction)transaction);
        command.Parameters.AddWithValue("id", jobId);
        command.Parameters.AddWithValue("processed", progress.Processed);
        command.Parameters.AddWithValue("line", progress.LastLine);
        command.Parameters.AddWithValue("inserted", progress.Inserted);
        command.Parameters.AddWithValue("updated", progress.Updated);
        command.Parameters.AddWithValue("skipped", progress.Skipped);
        command.Parameters.AddWithValue("active", progress.ActiveSeconds);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task FinishAsync(Guid id, JobStatus status, string? failure, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE ingestion_jobs SET status = @status, failure = @failure, finished_at = now() WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("status", status.WireName());
        command.Parameters.AddWithValue("failure", (object?)failure ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>True when the sample corpus should be loaded: no evidence at all, and no earlier job for <paramref name="source"/>.</summary>
    public async Task<bool> IsEmptyAndNeverSeededAsync(string source, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT NOT EXISTS (SELECT 1 FROM evidence) AND NOT EXISTS (SELECT 1 FROM ingestion_jobs WHERE source = @source)
            """);
        command.Parameters.AddWithValue("source", source);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static IngestionJobView ReadView(NpgsqlDataReader reader)
    {
        var total = reader.GetInt32(6);
        var processed = reader.GetInt32(7);
        var active = reader.GetDouble(18);
        double? rate = active > 0 && processed > 0 ? processed / active : null;
        var status = WireNames<JobStatus>.Parse(reader.GetString(1));
        double? eta = status switch
        {
            JobStatus.Completed => 0,
            JobStatus.Running or JobStatus.Queued when rate is > 0 => (total - processed) / rate.Value,
            _ => null,
        };
        return new IngestionJobView(
            reader.GetGuid(0), status, reader.GetString(2), reader.GetString(3), reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5), total, processed, reader.GetInt32(8), reader.GetInt32(9),
            reader.GetInt32(10), reader.GetInt32(11), reader.GetInt32(12), rate is null ? null : Math.Round(rate.Value, 1),
            eta is null ? null : Math.Round(eta.Value, 1),
            JsonSerializer.Deserialize<List<IngestionError>>(reader.GetString(13), Json) ?? [],
            reader.IsDBNull(14) ? null : reader.GetString(14), reader.GetFieldValue<DateTimeOffset>(15),
            reader.IsDBNull(16) ? null : reader.GetFieldValue<DateTimeOffset>(16),
            reader.IsDBNull(17) ? null : reader.GetFieldValue<DateTimeOffset>(17));
    }
}
