using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Pgvector;
using TruthGraph.Api.Database;
using TruthGraph.Api.Evidence;

namespace TruthGraph.Api.UnitTests.Database;

/// <summary>Migration 0007 on a database that already holds a corpus indexed the old way (0001–0006).</summary>
public sealed class HalfvecIndexMigrationTests(ThrowawayPostgres postgres) : IClassFixture<ThrowawayPostgres>
{
    private const string HalfvecMigration = "0007_evidence_halfvec_index";

    [Fact]
    public async Task Replaces_the_vector_index_of_a_populated_table_and_search_uses_the_new_one()
    {
        var builder = new NpgsqlDataSourceBuilder(postgres.ConnectionString);
        builder.UseVector();
        await using var dataSource = builder.Build();
        await ApplyMigrationsBeforeAsync(dataSource, HalfvecMigration);
        var random = new Random(3);
        var vectors = Enumerable.Range(0, 500).Select(_ => Unit(random)).ToList();
        var store = new PgvectorEvidenceStore(dataSource);
        await store.UpsertBatchAsync(vectors.Select((v, i) => new EvidenceRecord("old", $"s{i}", $"sentence {i}", v, "m", null, null)).ToList(),
            null, CancellationToken.None);
        Assert.Equal(["evidence_embedding_hnsw_idx"], await HnswIndexesAsync(dataSource));

        var applied = await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);

        Assert.Contains(HalfvecMigration, applied);
        Assert.Equal(["evidence_embedding_halfvec_hnsw_idx"], await HnswIndexesAsync(dataSource));
        await using (var count = dataSource.CreateCommand("SELECT count(*) FROM evidence"))
        {
            Assert.Equal(500L, await count.ExecuteScalarAsync());
        }
        // The store's query must be one the new index can serve, or a large corpus would fall back to a full scan.
        Assert.Contains("evidence_embedding_halfvec_hnsw_idx", await PlanOfStoreSearchAsync(dataSource, vectors[42]));
        var hits = await store.SearchAsync(vectors[42], 5, -1, CancellationToken.None);
        Assert.Equal("s42", hits[0].ExternalId);
        Assert.Equal(1.0, hits[0].Similarity, 5); // computed from the full-precision column, not the 16-bit copy
        Assert.Equal(vectors[42], hits[0].Embedding);
    }

    private static async Task ApplyMigrationsBeforeAsync(NpgsqlDataSource dataSource, string migration)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var table = new NpgsqlCommand("CREATE TABLE schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())", connection))
        {
            await table.ExecuteNonQueryAsync();
        }
        foreach (var (name, sql) in DatabaseMigrator.LoadScripts().TakeWhile(s => string.CompareOrdinal(s.Name, migration) < 0))
        {
            await using var command = new NpgsqlCommand($"{sql}; INSERT INTO schema_migrations (name) VALUES ('{name}')", connection);
            await command.ExecuteNonQueryAsync();
        }
        await connection.ReloadTypesAsync();
    }

    private static async Task<List<string>> HnswIndexesAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'evidence' AND indexdef ILIKE '%USING hnsw%' ORDER BY indexname");
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    private static async Task<string> PlanOfStoreSearchAsync(NpgsqlDataSource dataSource, float[] query)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var noSeqScan = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await noSeqScan.ExecuteNonQueryAsync(); // 500 rows would be scanned in full otherwise, index or not
        }
        await using var explain = new NpgsqlCommand($"EXPLAIN {PgvectorEvidenceStore.NearestSql}", connection);
        explain.Parameters.AddWithValue("query", new Vector(query));
        explain.Parameters.AddWithValue("k", 5);
        explain.Parameters.AddWithValue("min", -1.0);
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(0));
        }
        return string.Join('\n', plan);
    }

    private static float[] Unit(Random random)
    {
        var v = Enumerable.Range(0, 384).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return v.Select(x => x / norm).ToArray();
    }
}
