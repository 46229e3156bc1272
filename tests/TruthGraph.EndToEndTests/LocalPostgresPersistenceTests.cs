using Npgsql;

namespace TruthGraph.EndToEndTests;

/// <summary>Local mode keeps a user's rows across AppHost restarts (durable settings, persistent data folder).</summary>
public sealed class LocalPostgresPersistenceTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"truthgraph-persist-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_committed_row_survives_stopping_and_restarting_the_AppHost()
    {
        string[] args = ["Postgres:Mode=local", "Postgres:Ephemeral=false", $"Postgres:DataDirectory={_dataDirectory}"];
        var claim = $"persistence check {Guid.NewGuid():N}";

        using (var cts = new CancellationTokenSource(TruthGraphAppFactory.StartTimeout))
        await using (var app = await TruthGraphAppFactory.StartAsync(args, output, cts.Token))
        {
            await using var connection = new NpgsqlConnection(await app.GetConnectionStringAsync("postgres", cts.Token));
            await connection.OpenAsync(cts.Token);
            await using var insert = new NpgsqlCommand(
                "INSERT INTO verifications (id, claim, verdict, confidence, result) VALUES (@id, @claim, 'NOT ENOUGH INFO', 0, '{}')",
                connection);
            insert.Parameters.AddWithValue("id", Guid.NewGuid());
            insert.Parameters.AddWithValue("claim", claim);
            Assert.Equal(1, await insert.ExecuteNonQueryAsync(cts.Token));
        }

        Assert.True(File.Exists(Path.Combine(_dataDirectory, "PG_VERSION")), "the data folder outlives the AppHost");

        using (var cts = new CancellationTokenSource(TruthGraphAppFactory.StartTimeout))
        await using (var app = await TruthGraphAppFactory.StartAsync(args, output, cts.Token))
        {
            await using var connection = new NpgsqlConnection(await app.GetConnectionStringAsync("postgres", cts.Token));
            await connection.OpenAsync(cts.Token);
            await using var count = new NpgsqlCommand("SELECT count(*) FROM verifications WHERE claim = @claim", connection);
            count.Parameters.AddWithValue("claim", claim);
            Assert.Equal(1L, await count.ExecuteScalarAsync(cts.Token));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server that has not quite exited may still hold a file; the folder is in /tmp either way.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
