using Npgsql;

namespace TruthGraph.Api.Evaluation;

/// <summary>A database of its own for one evaluation run, created on the given server and dropped afterwards.</summary>
public sealed class EvaluationDatabase : IAsyncDisposable
{
    private readonly string _serverConnection;
    private readonly bool _keep;

    private EvaluationDatabase(string serverConnection, string name, NpgsqlDataSource dataSource, bool keep)
    {
        _serverConnection = serverConnection;
        Name = name;
        DataSource = dataSource;
        _keep = keep;
    }

    public string Name { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<EvaluationDatabase> CreateAsync(string connectionString, bool keep)
    {
        var name = $"truthgraph_eval_{DateTime.UtcNow:yyyyMMdd_HHmmss}_{Random.Shared.Next(1000):D3}";
        await using (var server = new NpgsqlConnection(connectionString))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(connectionString) { Database = name }.ConnectionString);
        builder.UseVector();
        return new EvaluationDatabase(connectionString, name, builder.Build(), keep);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        if (_keep)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(_serverConnection);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }
}
