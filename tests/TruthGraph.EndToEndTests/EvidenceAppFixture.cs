namespace TruthGraph.EndToEndTests;

/// <summary>One started AppHost (ephemeral local PostgreSQL, real MiniLM embeddings) shared by the evidence tests.</summary>
public class EvidenceAppFixture : IAsyncLifetime
{
    public static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(3);

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("not started");
    /// <summary>Sends the API key: these tests upload evidence, an admin operation.</summary>
    public HttpClient Api { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(TruthGraphAppFactory.StartTimeout);
        _app = await TruthGraphAppFactory.StartAsync([.. TruthGraphAppFactory.EphemeralLocalPostgres, .. Arguments], null, cts.Token, Configure);
        Api = _app.CreateAdminClient("api");
        Api.Timeout = TimeSpan.FromMinutes(2);
        ConnectionString = (await _app.GetConnectionStringAsync("postgres", cts.Token))!;
    }

    /// <summary>AppHost arguments a test class adds (read by the AppHost's Program, such as the replica counts).</summary>
    protected virtual IEnumerable<string> Arguments => [];

    /// <summary>Settings a test class needs on top of the AppHost's own.</summary>
    protected virtual void Configure(IDistributedApplicationTestingBuilder appHost)
    {
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>Polls a job until it is completed or failed; fails the test on timeout.</summary>
    public async Task<JsonElement> WaitForJobAsync(string id)
    {
        using var cts = new CancellationTokenSource(JobTimeout);
        while (true)
        {
            var job = await Api.GetFromJsonAsync<JsonElement>($"/api/ingestions/{id}", cts.Token);
            var status = job.GetProperty("status").GetString();
            if (status is "completed" or "failed" or "cancelled")
            {
                return job;
            }
            await Task.Delay(250, cts.Token);
        }
    }

    public Task<long> ScalarAsync(string sql, params (string Name, object Value)[] parameters) =>
        TestDatabase.ScalarAsync(ConnectionString, sql, parameters);
}
