using Npgsql;

namespace TruthGraph.Api.Verification;

/// <summary>Which NLI model verification uses when a request names none, and who chose it.</summary>
/// <param name="Source">"configured" (Verification:NliModel) or "admin" (chosen on the dashboard's Models page).</param>
public sealed record DefaultNliModelView(string NliModel, string Source, IReadOnlyList<string> SelectableNliModels, DateTimeOffset? ChangedAt);

/// <summary>Body of <c>PUT /api/settings/nli-model</c>.</summary>
public sealed record DefaultNliModelRequest(string? NliModel);

/// <summary>
/// The default NLI model: the configured one unless an admin chose another of the selectable models, a choice kept in
/// PostgreSQL (<c>app_settings</c>) so that it survives restarts and reaches every API replica. Each process re-reads it
/// at most every <see cref="RefreshInterval"/>, so a verification pays no extra query.
/// </summary>
public sealed class DefaultNliModel(NpgsqlDataSource dataSource, IOptions<VerificationOptions> options, TimeProvider time)
{
    public const string SettingKey = "verification.nli_model";

    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private readonly VerificationOptions _options = options.Value;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Snapshot? _snapshot;

    private sealed record Snapshot(string? Chosen, DateTimeOffset? ChangedAt, DateTimeOffset ReadAt);

    public async Task<string> GetAsync(CancellationToken cancellationToken) => (await DescribeAsync(cancellationToken)).NliModel;

    public async Task<DefaultNliModelView> DescribeAsync(CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is null || time.GetUtcNow() - snapshot.ReadAt > RefreshInterval)
        {
            snapshot = await ReadAsync(cancellationToken);
        }
        // A stored model that configuration no longer offers falls back to the configured one rather than failing every verification.
        return snapshot.Chosen is { } chosen && _options.SelectableNliModels.Contains(chosen)
            ? new DefaultNliModelView(chosen, "admin", _options.SelectableNliModels, snapshot.ChangedAt)
            : new DefaultNliModelView(_options.NliModel, "configured", _options.SelectableNliModels, null);
    }

    /// <summary>Stores the choice (the caller has checked that it is selectable); choosing the configured model clears it.</summary>
    public async Task<DefaultNliModelView> SetAsync(string model, CancellationToken cancellationToken)
    {
        await using var command = model == _options.NliModel
            ? dataSource.CreateCommand("DELETE FROM app_settings WHERE key = @key")
            : dataSource.CreateCommand("""
                INSERT INTO app_settings (key, value, updated_at) VALUES (@key, @value, @now)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                """);
        command.Parameters.AddWithValue("key", SettingKey);
        command.Parameters.AddWithValue("value", model);
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        await command.ExecuteNonQueryAsync(cancellationToken);
        _snapshot = null;
        return await DescribeAsync(cancellationToken);
    }

    private async Task<Snapshot> ReadAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } fresh && time.GetUtcNow() - fresh.ReadAt <= RefreshInterval)
            {
                return fresh;
            }
            await using var command = dataSource.CreateCommand("SELECT value, updated_at FROM app_settings WHERE key = @key");
            command.Parameters.AddWithValue("key", SettingKey);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var snapshot = await reader.ReadAsync(cancellationToken)
                ? new Snapshot(reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), time.GetUtcNow())
                : new Snapshot(null, null, time.GetUtcNow());
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }
}
