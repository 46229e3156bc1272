using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace TruthGraph.Api.Verification;

/// <summary>Stores every verification with its full result, and reads them back for the history.</summary>
public sealed class VerificationRepository(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Saves all results in one transaction: a batch is stored whole or not at all.</summary>
    public async Task SaveAsync(IReadOnlyList<VerificationResult> results, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var result in results)
        {
            var command = new NpgsqlBatchCommand("""
                INSERT INTO verifications (id, claim, verdict, confidence, result, created_at)
                VALUES (@id, @claim, @verdict, @confidence, @result, @created_at)
                """);
            command.Parameters.AddWithValue("id", result.Id);
            command.Parameters.AddWithValue("claim", result.Claim);
            command.Parameters.AddWithValue("verdict", VerdictNames.ToText(result.Verdict));
            command.Parameters.AddWithValue("confidence", (float)result.Confidence);
            command.Parameters.AddWithValue("result", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(result, JsonOptions));
            command.Parameters.AddWithValue("created_at", result.CreatedAt);
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Records the stage timings of verifications already saved: they include the save itself, so they are only known
    /// after it (see migration 0004).
    /// </summary>
    public async Task SaveTimingsAsync(IReadOnlyList<Guid> ids, StageTimings timings, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("UPDATE verifications SET timings = @timings WHERE id = ANY(@ids)");
        command.Parameters.AddWithValue("timings", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(timings, JsonOptions));
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// One stored verification. Its timings come from the timings column alone: rows stored before it existed hold
    /// zeros in their result document, which were never measured, so they come back without timings.
    /// </summary>
    public async Task<VerificationResult?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT result::text, timings::text FROM verifications WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        var result = JsonSerializer.Deserialize<VerificationResult>(reader.GetString(0), JsonOptions)!;
        var timings = await reader.IsDBNullAsync(1, cancellationToken)
            ? null
            : JsonSerializer.Deserialize<StageTimings>(reader.GetString(1), JsonOptions);
        return result with { Timings = timings };
    }

    public async Task<VerificationPage> ListAsync(int page, int pageSize, VerificationQuery query, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT id, claim, verdict, confidence, created_at, count(*) OVER ()
            FROM verifications
            WHERE {Filter}
            ORDER BY created_at DESC, id
            LIMIT @limit OFFSET @offset
            """);
        AddFilterParameters(command, query);
        command.Parameters.AddWithValue("limit", pageSize);
        command.Parameters.AddWithValue("offset", (long)(page - 1) * pageSize);

        var items = new List<VerificationSummary>();
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new VerificationSummary(reader.GetGuid(0), reader.GetString(1), VerdictNames.TryParse(reader.GetString(2), out var stored) ? stored : Verdict.NotEnoughInfo,
                reader.GetFloat(3), reader.GetFieldValue<DateTimeOffset>(4)));
            total = reader.GetInt64(5);
        }
        if (items.Count == 0 && page > 1)
        {
            // Past the last page the window function has no row to report the total on.
            await using var count = dataSource.CreateCommand($"SELECT count(*) FROM verifications WHERE {Filter}");
            AddFilterParameters(count, query);
            total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }
        return new VerificationPage(items, page, pageSize, total);
    }

    /// <summary>
    /// The stored verifications a query covers, newest first, at most <paramref name="limit"/>, each with the latest
    /// verdict a user said it should have had (null when nobody said).
    /// </summary>
    public async IAsyncEnumerable<(VerificationResult Result, Verdict? UserLabel)> ExportAsync(
        VerificationQuery query, int limit, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT v.result::text, v.timings::text, f.expected_verdict
            FROM verifications v
            LEFT JOIN LATERAL (
                SELECT expected_verdict FROM verification_feedback WHERE verification_id = v.id ORDER BY created_at DESC LIMIT 1
            ) f ON true
            WHERE {Filter}
            ORDER BY v.created_at DESC, v.id
            LIMIT @limit
            """);
        AddFilterParameters(command, query);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var result = JsonSerializer.Deserialize<VerificationResult>(reader.GetString(0), JsonOptions)!;
            var timings = reader.IsDBNull(1) ? null : JsonSerializer.Deserialize<StageTimings>(reader.GetString(1), JsonOptions);
            Verdict? label = !reader.IsDBNull(2) && VerdictNames.TryParse(reader.GetString(2), out var parsed) ? parsed : null;
            yield return (result with { Timings = timings }, label);
        }
    }

    /// <summary>The WHERE clause of <see cref="VerificationQuery"/>: each condition holds when its parameter is null.</summary>
    private const string Filter = """
        (@verdict::text IS NULL OR verdict = @verdict)
        AND (@text::text IS NULL OR claim ILIKE '%' || @text || '%' ESCAPE '\')
        AND (@from::timestamptz IS NULL OR created_at >= @from)
        AND (@to::timestamptz IS NULL OR created_at < @to)
        """;

    private static void AddFilterParameters(NpgsqlCommand command, VerificationQuery query)
    {
        command.Parameters.AddWithValue("verdict", NpgsqlDbType.Text, query.Verdict is { } v ? VerdictNames.ToText(v) : DBNull.Value);
        // The user's words are matched literally: % and _ in them are not wildcards.
        command.Parameters.AddWithValue("text", NpgsqlDbType.Text,
            query.Text is { } text ? text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") : DBNull.Value);
        command.Parameters.AddWithValue("from", NpgsqlDbType.TimestampTz, query.From is { } from ? from : DBNull.Value);
        command.Parameters.AddWithValue("to", NpgsqlDbType.TimestampTz, query.To is { } to ? to : DBNull.Value);
    }
}
