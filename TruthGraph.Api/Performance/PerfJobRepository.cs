using Npgsql;
using NpgsqlTypes;
using TruthGraph.Api.Database;
using TruthGraph.Api.Jobs;
using TruthGraph.ServiceDefaults;

namespace TruthGraph.Api.Performance;

/// <summary>A job the worker has taken: what to run.</summary>
public sealed record ClaimedPerfJob(Guid Id, PerfJobKind Kind, string? Model, JsonElement Request);

/// <summary>A second sweep of a model while one waits or runs (the database's unique index said no).</summary>
public sealed class PerfJobConflictException(Guid? activeJob, string message) : Exception(message)
{
    public Guid? ActiveJob { get; } = activeJob;
}

/// <summary>The <c>perf_jobs</c> table: every profile, sweep and e2e run with its request, outcome and report.</summary>
public sealed class PerfJobRepository(NpgsqlDataSource dataSource, JobRunner runner)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string ViewColumns = """
        id, kind, status, model_id, request::text, progress::text, result::text, summary, failure, artifact_name, applied_batch_size,
        applied_at, created_at, started_at, finished_at
        """;

    /// <param name="running">Recorded as running from the start: the job is run by the caller (the perf command), not the queue.</param>
    /// <exception cref="PerfJobConflictException">A sweep of the same model is queued or running.</exception>
    public async Task<Guid> CreateAsync(PerfJobKind kind, string? model, object request, CancellationToken cancellationToken, bool running = false)
    {
        var id = Guid.CreateVersion7();
        await using var command = dataSource.CreateCommand(running
            ? "INSERT INTO perf_jobs (id, kind, status, model_id, request, started_at) VALUES (@id, @kind, 'running', @model, @request, now())"
            : "INSERT INTO perf_jobs (id, kind, status, model_id, request) VALUES (@id, @kind, 'queued', @model, @request)");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("kind", kind.Name());
        command.Parameters.AddWithValue("model", (object?)model ?? DBNull.Value);
        command.Parameters.AddWithValue("request", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(request, Json));
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            var active = await FindActiveSweepAsync(model!, cancellationToken);
            throw new PerfJobConflictException(active, $"A sweep of model '{model}' is already {(active is null ? "active" : "queued or running")}.");
        }
        return id;
    }

    public Task<PerfJobView?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        dataSource.ReadByIdAsync($"SELECT {ViewColumns} FROM perf_jobs WHERE id = @id", id, Read, cancellationToken);

    public async Task<IReadOnlyList<PerfJobView>> ListAsync(PerfJobKind kind, int limit, JobStatus? status, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT {ViewColumns} FROM perf_jobs
            WHERE kind = @kind AND (@status::text IS NULL OR status = @status)
            ORDER BY created_at DESC LIMIT @limit
            """);
        command.Parameters.AddWithValue("kind", kind.Name());
        command.Parameters.AddWithValue("status", NpgsqlDbType.Text, (object?)status?.WireName() ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", limit);
        return await command.ReadAllAsync(Read, cancellationToken);
    }

    /// <summary>
    /// Jobs left running by a replica that died are recorded as failed: a measurement cut short and resumed later would
    /// mix two machine states into one report. A live replica's job (its runner lock is held) is left alone.
    /// </summary>
    /// <param name="atStart">Also fail jobs with no runner (left by a version that did not record one).</param>
    public async Task<int> FailInterruptedAsync(CancellationToken cancellationToken, bool atStart = false)
    {
        await using var command = dataSource.CreateCommand(FailInterruptedSql);
        command.Parameters.AddWithValue("atStart", atStart);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private const string FailInterruptedSql = $"""
        UPDATE perf_jobs SET status = 'failed', failure = 'interrupted by a restart of the API service', finished_at = now()
        WHERE status = 'running' AND ({JobRunner.RunnerIsGone} OR (@atStart AND runner IS NULL))
        """;

    /// <summary>
    /// The oldest queued job, now running; performance jobs run one at a time so that none measures another, across all
    /// replicas: claims queue on one advisory lock, and each claim (a new statement after the lock) sees the previous
    /// claim's commit, so it finds that job running and takes nothing. A dead replica's job no longer blocks the queue.
    /// </summary>
    public async Task<ClaimedPerfJob?> ClaimNextAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var gate = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({JobRunner.LockSpace}, 0)", connection, transaction))
        {
            await gate.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var failDead = new NpgsqlCommand(FailInterruptedSql, connection, transaction))
        {
            failDead.Parameters.AddWithValue("atStart", false);
            await failDead.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var command = new NpgsqlCommand("""
            UPDATE perf_jobs SET status = 'running', started_at = now(), runner = @runner
            WHERE NOT EXISTS (SELECT 1 FROM perf_jobs WHERE status = 'running')
              AND id = (SELECT id FROM perf_jobs WHERE status = 'queued' ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id, kind, model_id, request::text
            """, connection, transaction);
        command.Parameters.AddWithValue("runner", runner.Id);
        ClaimedPerfJob? claimed = null;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                claimed = ReadClaim(reader);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    private static ClaimedPerfJob ReadClaim(NpgsqlDataReader reader) =>
        new ClaimedPerfJob(reader.GetGuid(0), WireNames<PerfJobKind>.Parse(reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetString(2),
            JsonDocument.Parse(reader.GetString(3)).RootElement.Clone());

    public async Task CompleteAsync(Guid id, PerfJobOutcome outcome, PerfEvent? progress, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE perf_jobs
            SET status = 'completed', result = @result, summary = @summary, progress = @progress, artifact = @artifact,
                artifact_name = @artifact_name, finished_at = now()
            WHERE id = @id
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("result", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(outcome.Result, outcome.Result.GetType(), Json));
        command.Parameters.AddWithValue("summary", outcome.Summary);
        command.Parameters.AddWithValue("progress", NpgsqlDbType.Jsonb, progress is null ? DBNull.Value : JsonSerializer.Serialize(progress, Json));
        command.Parameters.AddWithValue("artifact", NpgsqlDbType.Bytea, (object?)outcome.Artifact ?? DBNull.Value);
        command.Parameters.AddWithValue("artifact_name", NpgsqlDbType.Text, (object?)outcome.ArtifactName ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Ends a job that did not complete: failed or cancelled, with the reason.</summary>
    public async Task EndAsync(Guid id, JobStatus status, string? failure, PerfEvent? progress, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE perf_jobs SET status = @status, failure = @failure, progress = coalesce(@progress, progress), finished_at = now()
            WHERE id = @id AND status IN ('queued', 'running')
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("status", status.WireName());
        command.Parameters.AddWithValue("failure", (object?)failure ?? DBNull.Value);
        command.Parameters.AddWithValue("progress", NpgsqlDbType.Jsonb, progress is null ? DBNull.Value : JsonSerializer.Serialize(progress, Json));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Cancels a job that has not started; false when it had (or was gone).</summary>
    public async Task<bool> CancelQueuedAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE perf_jobs SET status = 'cancelled', failure = 'cancelled before it started', finished_at = now()
            WHERE id = @id AND status = 'queued'
            """);
        command.Parameters.AddWithValue("id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task SetAppliedAsync(Guid id, int batchSize, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE perf_jobs SET applied_batch_size = @size, applied_at = now() WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("size", batchSize);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<(string Name, byte[] Content)?> GetArtifactAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT artifact_name, artifact FROM perf_jobs WHERE id = @id AND artifact IS NOT NULL");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetString(0), reader.GetFieldValue<byte[]>(1)) : null;
    }

    private async Task<Guid?> FindActiveSweepAsync(string model, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT id FROM perf_jobs WHERE kind = 'sweep' AND model_id = @model AND status IN ('queued', 'running') LIMIT 1");
        command.Parameters.AddWithValue("model", model);
        return await command.ExecuteScalarAsync(cancellationToken) as Guid?;
    }

    private static PerfJobView Read(NpgsqlDataReader reader)
    {
        static JsonElement? JsonOrNull(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : JsonDocument.Parse(r.GetString(i)).RootElement.Clone();
        static T? Nullable<T>(NpgsqlDataReader r, int i) where T : struct => r.IsDBNull(i) ? null : r.GetFieldValue<T>(i);
        var progress = reader.IsDBNull(5) ? null : JsonSerializer.Deserialize<PerfEvent>(reader.GetString(5), Json);
        return new PerfJobView(reader.GetGuid(0), WireNames<PerfJobKind>.Parse(reader.GetString(1)), WireNames<JobStatus>.Parse(reader.GetString(2)), reader.IsDBNull(3) ? null : reader.GetString(3),
            JsonDocument.Parse(reader.GetString(4)).RootElement.Clone(), progress, JsonOrNull(reader, 6),
            reader.IsDBNull(7) ? null : reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8),
            reader.IsDBNull(9) ? null : reader.GetString(9), Nullable<int>(reader, 10), Nullable<DateTimeOffset>(reader, 11),
            reader.GetFieldValue<DateTimeOffset>(12), Nullable<DateTimeOffset>(reader, 13), Nullable<DateTimeOffset>(reader, 14));
    }
}
