namespace TruthGraph.EndToEndTests;

/// <summary>
/// TruthGraph with two API and two inference replicas (the AppHost's Api:Replicas and Inference:Replicas), the sample
/// corpus loaded, and a client for each replica's own address besides the proxied one every other part uses. The
/// inference replicas share a tuned-batch-sizes file in a temporary folder, as replicas on one machine share the default one.
/// </summary>
public sealed class ReplicaAppFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("truthgraph-replicas-e2e-").FullName;
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("not started");

    /// <summary>Through Aspire's proxy: each connection goes to one of the API replicas.</summary>
    public HttpClient Api { get; private set; } = null!;
    public IReadOnlyList<string> ApiReplicas { get; private set; } = [];
    public IReadOnlyList<string> InferenceReplicas { get; private set; } = [];
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(TruthGraphAppFactory.StartTimeout);
        _app = await TruthGraphAppFactory.StartAsync([.. TruthGraphAppFactory.EphemeralLocalPostgres, "Api:Replicas=2", "Inference:Replicas=2"],
            null, cts.Token, builder => builder.CreateResourceBuilder<ProjectResource>("inference")
                .WithEnvironment("Inference__TunedBatchSizesFile", Path.Combine(_folder, "tuned-batch-sizes.json")));
        ApiReplicas = await _app.ReplicaIdsAsync("api", 2, cts.Token);
        InferenceReplicas = await _app.ReplicaIdsAsync("inference", 2, cts.Token);
        // The factory waited for the resource, which one healthy replica satisfies: wait for every one.
        foreach (var replica in ApiReplicas.Concat(InferenceReplicas))
        {
            await WaitHealthyAsync(replica, cts.Token);
        }
        Api = _app.CreateAdminClient("api");
        Api.Timeout = TimeSpan.FromMinutes(2);
        ConnectionString = (await _app.GetConnectionStringAsync("postgres", cts.Token))!;
        while (await ScalarAsync<long>("SELECT count(*) FROM ingestion_jobs WHERE status = 'completed'") == 0)
        {
            await Task.Delay(250, cts.Token);
        }
    }

    public HttpClient Replica(string replicaId) => App.CreateReplicaClient(replicaId);

    public Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters) =>
        TestDatabase.ValueAsync<T>(ConnectionString, sql, parameters);

    private async Task WaitHealthyAsync(string replicaId, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                using var client = Replica(replicaId);
                using var health = await client.GetAsync("/health", cancellationToken);
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException && !cancellationToken.IsCancellationRequested)
            {
            }
            await Task.Delay(250, cancellationToken);
        }
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        Directory.Delete(_folder, recursive: true);
    }
}
