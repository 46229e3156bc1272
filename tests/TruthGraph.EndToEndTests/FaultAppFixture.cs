namespace TruthGraph.EndToEndTests;

/// <summary>
/// A TruthGraph whose parts the fault tests stop, start and damage: its PostgreSQL keeps its data in a folder of
/// its own across a stop (an ephemeral cluster is deleted when its process ends), and the inference service reads a
/// copy of the model folder, so that a model file can be broken without touching the repository's.
/// </summary>
public sealed class FaultAppFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"truthgraph-fault-pg-{Guid.NewGuid():N}");
    private DistributedApplication? _app;

    public string ModelsDirectory { get; } = Path.Combine(Path.GetTempPath(), $"truthgraph-fault-models-{Guid.NewGuid():N}");
    public DistributedApplication App => _app ?? throw new InvalidOperationException("not started");
    public HttpClient Api { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(ModelsDirectory);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(TestData.RepositoryRoot, "models"))
                     .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".onnx", StringComparison.Ordinal)
                         || f.EndsWith(".safetensors", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(ModelsDirectory, Path.GetFileName(file)));
        }
        using var cts = new CancellationTokenSource(TruthGraphAppFactory.StartTimeout);
        _app = await TruthGraphAppFactory.StartAsync(
            ["Postgres:Mode=local", "Postgres:Ephemeral=false", $"Postgres:DataDirectory={_dataDirectory}", $"Inference:ModelsDirectory={ModelsDirectory}"],
            null, cts.Token);
        Api = _app.CreateAdminClient("api");
        Api.Timeout = TimeSpan.FromMinutes(2);
        // No pool: the tests restart PostgreSQL, and a pooled connection would fail once on its first use afterwards.
        ConnectionString = (await _app.GetConnectionStringAsync("postgres", cts.Token))! + ";Pooling=false";
        await WaitForIdleIngestionAsync(cts.Token);
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        foreach (var directory in new[] { _dataDirectory, ModelsDirectory })
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    public Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters) =>
        TestDatabase.ScalarAsync(ConnectionString, sql, parameters);

    public Task<List<string>> ColumnAsync(string sql, params (string Name, object Value)[] parameters) =>
        TestDatabase.ColumnAsync(ConnectionString, sql, parameters);

    /// <summary>Until the sample corpus (seeded at the first start) is in, so that verification has evidence.</summary>
    public async Task WaitForIdleIngestionAsync(CancellationToken cancellationToken)
    {
        while (await ScalarAsync("SELECT count(*) FROM ingestion_jobs WHERE status IN ('queued', 'running')") > 0
               || await ScalarAsync("SELECT count(*) FROM evidence") == 0)
        {
            await Task.Delay(200, cancellationToken);
        }
    }

    public async Task<JsonElement> WaitForJobAsync(Guid id, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            using var response = await Api.GetAsync($"/api/ingestions/{id}", cts.Token);
            if (response.IsSuccessStatusCode)
            {
                var job = await response.Content.ReadFromJsonAsync<JsonElement>(cts.Token);
                if (job.GetProperty("status").GetString() is "completed" or "failed" or "cancelled")
                {
                    return job;
                }
            }
            await Task.Delay(250, cts.Token);
        }
    }
}

/// <summary>The fault tests share one app: they stop and damage its parts one test at a time, and put them back.</summary>
[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultAppFixture>
{
    public const string Name = "TruthGraph app under faults";
}
