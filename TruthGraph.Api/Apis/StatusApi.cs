using Npgsql;

namespace TruthGraph.Api.Apis;

/// <summary>What the service runs on: PostgreSQL and pgvector versions, how PostgreSQL is provided, how much is stored, and the models verification uses.</summary>
public static class StatusApi
{
    public static IEndpointRouteBuilder MapStatusApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/status", GetStatusAsync)
            .WithName("GetStatus")
            .WithTags("Status")
            .WithSummary("Database versions, Postgres mode, indexes, row counts and the models verification uses");
        return routes;
    }

    public static async Task<Results<Ok<StatusResponse>, ProblemHttpResult>> GetStatusAsync(
        NpgsqlDataSource dataSource, IConfiguration configuration, IOptions<VerificationOptions> verification, DefaultNliModel defaultNli,
        CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT current_setting('server_version'),
                   (SELECT extversion FROM pg_extension WHERE extname = 'vector'),
                   (SELECT count(*) FROM evidence),
                   (SELECT count(*) FROM verifications),
                   ARRAY(SELECT indexname FROM pg_indexes WHERE tablename = 'evidence' AND indexdef ILIKE '%USING hnsw%' ORDER BY indexname)
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);

        var database = new DatabaseStatus(
            PostgresVersion: reader.GetString(0),
            PgvectorVersion: reader.IsDBNull(1) ? null : reader.GetString(1),
            Mode: configuration["Postgres:Mode"] ?? "unknown",
            HnswIndexes: reader.GetFieldValue<string[]>(4),
            RowCounts: new Dictionary<string, long> { ["evidence"] = reader.GetInt64(2), ["verifications"] = reader.GetInt64(3) });
        return TypedResults.Ok(new StatusResponse(database, new VerificationModels(verification.Value.EmbeddingModel,
            await defaultNli.GetAsync(cancellationToken), verification.Value.SelectableNliModels)));
    }
}

public sealed record StatusResponse(DatabaseStatus Database, VerificationModels Verification);

/// <summary>
/// The inference models a verification calls (Verification:EmbeddingModel; the NLI model an admin chose, else
/// Verification:NliModel), and the NLI models a request may name instead (<c>"nliModel"</c>).
/// </summary>
public sealed record VerificationModels(string EmbeddingModel, string NliModel, IReadOnlyList<string> SelectableNliModels);

public sealed record DatabaseStatus(
    string PostgresVersion, string? PgvectorVersion, string Mode, IReadOnlyList<string> HnswIndexes, IReadOnlyDictionary<string, long> RowCounts);
