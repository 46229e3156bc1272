using Npgsql;

namespace TruthGraph.Api.Database;

public static class CommandReading
{
    /// <summary>The row with the given <c>@id</c> (the query's one parameter), or null when there is none.</summary>
    public static async Task<T?> ReadByIdAsync<T>(this NpgsqlDataSource dataSource, string query, Guid id, Func<NpgsqlDataReader, T> read,
        CancellationToken cancellationToken) where T : class
    {
        await using var command = dataSource.CreateCommand(query);
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? read(reader) : null;
    }

    /// <summary>Runs the query and maps every row it returns.</summary>
    public static async Task<List<T>> ReadAllAsync<T>(this NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }
        return rows;
    }
}
