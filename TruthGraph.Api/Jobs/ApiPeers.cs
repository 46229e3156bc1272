using Npgsql;

namespace TruthGraph.Api.Jobs;

/// <summary>
/// The other live API replicas and their addresses, kept in PostgreSQL (<c>api_replicas</c>): a replica is live while
/// it holds its runner lock, so a crashed one drops out without anyone deregistering it.
/// </summary>
public sealed class ApiPeers(NpgsqlDataSource dataSource, JobRunner runner)
{
    public async Task RegisterAsync(Uri url, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            DELETE FROM api_replicas WHERE runner <> @runner AND pg_try_advisory_xact_lock({JobRunner.LockSpace}, runner);
            INSERT INTO api_replicas (runner, url) VALUES (@runner, @url) ON CONFLICT (runner) DO UPDATE SET url = excluded.url;
            """);
        command.Parameters.AddWithValue("runner", runner.Id);
        command.Parameters.AddWithValue("url", url.ToString());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Uri>> ListOthersAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT url FROM api_replicas WHERE runner <> @runner AND NOT pg_try_advisory_xact_lock({JobRunner.LockSpace}, runner)
            """);
        command.Parameters.AddWithValue("runner", runner.Id);
        var urls = new List<Uri>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            urls.Add(new Uri(reader.GetString(0)));
        }
        return urls;
    }
}
