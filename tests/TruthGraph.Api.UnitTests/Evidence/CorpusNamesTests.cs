using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Pgvector;
using TruthGraph.Api.Database;
using TruthGraph.Api.Evidence;
using TruthGraph.Api.UnitTests.Database;

namespace TruthGraph.Api.UnitTests.Evidence;

/// <summary>The corpus's names by their initials, read from a real PostgreSQL, and read again when the corpus changes.</summary>
public sealed class CorpusNamesTests(ThrowawayPostgres postgres) : IClassFixture<ThrowawayPostgres>
{
    [Fact]
    public async Task Names_follow_the_corpus_and_the_most_written_name_wins()
    {
        var builder = new NpgsqlDataSourceBuilder(postgres.ConnectionString);
        builder.UseVector();
        await using var dataSource = builder.Build();
        await new DatabaseMigrator(dataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(CancellationToken.None);
        var store = new PgvectorEvidenceStore(dataSource);
        var names = new CorpusNames(dataSource);

        await AddAsync(store, "a", "The Intergovernmental Panel on Climate Change was established in 1988.",
            "The World Health Organization declared smallpox eradicated in 1980.");
        var first = await names.ForVersionAsync(await store.GetCorpusVersionAsync(CancellationToken.None), CancellationToken.None);
        Assert.Equal("Intergovernmental Panel on Climate Change", first["IPCC"]);
        Assert.Equal("World Health Organization", first["WHO"]);

        // Two sentences now write another name with the same initials: a new corpus version, a new reading.
        await AddAsync(store, "b", "The Western Hemisphere Observatory opened in 1990.", "The Western Hemisphere Observatory closed in 2010.");
        var second = await names.ForVersionAsync(await store.GetCorpusVersionAsync(CancellationToken.None), CancellationToken.None);
        Assert.Equal("Western Hemisphere Observatory", second["WHO"]);
        Assert.Equal("Intergovernmental Panel on Climate Change", second["IPCC"]);

        // Once the corpus writes the initials themselves, a claim's "IPCC" is left for retrieval to find those sentences.
        await AddAsync(store, "c", "The IPCC publishes an assessment report every six or seven years.");
        var third = await names.ForVersionAsync(await store.GetCorpusVersionAsync(CancellationToken.None), CancellationToken.None);
        Assert.False(third.ContainsKey("IPCC"));
        Assert.Equal("Western Hemisphere Observatory", third["WHO"]);
    }

    private static Task AddAsync(PgvectorEvidenceStore store, string source, params string[] sentences) =>
        store.UpsertBatchAsync(sentences.Select((s, i) => new EvidenceRecord(source, $"{source}{i}", s, Unit(i), "m", null, null)).ToList(),
            null, CancellationToken.None);

    private static float[] Unit(int seed)
    {
        var random = new Random(seed);
        var vector = Enumerable.Range(0, 384).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        return vector.Select(x => x / norm).ToArray();
    }
}
