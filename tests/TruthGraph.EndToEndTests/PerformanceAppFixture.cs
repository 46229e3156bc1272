using System.Net.ServerSentEvents;

namespace TruthGraph.EndToEndTests;

/// <summary>
/// A started AppHost of its own for the performance job tests (their queue and the models' batch sizes are state that
/// other tests must not see), with the sample corpus loaded. Batch sizes applied by a test go to a temporary file,
/// never to the developer's model cache.
/// </summary>
public sealed class PerformanceAppFixture : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("truthgraph-perf-e2e-").FullName;
    private DistributedApplication? _app;

    public HttpClient Api { get; private set; } = null!;
    public HttpClient Inference { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";

    /// <summary>The dashboard page at <paramref name="path"/> of this app.</summary>
    public string WebUrl(string path) => new Uri(_app!.GetEndpoint("web", "http"), path).ToString();

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(TruthGraphAppFactory.StartTimeout);
        _app = await TruthGraphAppFactory.StartAsync(TruthGraphAppFactory.EphemeralLocalPostgres, null, cts.Token, builder =>
        {
            var inference = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "inference");
            builder.CreateResourceBuilder(inference)
                .WithEnvironment("Inference__TunedBatchSizesFile", Path.Combine(_folder, "tuned-batch-sizes.json"))
                .WithEnvironment("Inference__ProfilesDirectory", Path.Combine(_folder, "profiles"));
        });
        Api = _app.CreateAdminClient("api");
        Api.Timeout = TimeSpan.FromMinutes(2);
        Inference = _app.CreateAdminClient("inference");
        ConnectionString = (await _app.GetConnectionStringAsync("postgres", cts.Token))!;
        await WaitForSampleCorpusAsync(cts.Token);
    }

    /// <summary>The job's server-sent events from now until its <c>finished</c> event (at most <paramref name="timeout"/>).</summary>
    public async Task<List<(string Type, JsonElement Data)>> FollowAsync(string route, string id, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        using var response = await Api.GetAsync($"{route}/{id}/events", HttpCompletionOption.ResponseHeadersRead, cts.Token);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync(cts.Token);
        var events = new List<(string, JsonElement)>();
        await foreach (var item in SseParser.Create(stream).EnumerateAsync(cts.Token))
        {
            events.Add((item.EventType, JsonDocument.Parse(item.Data).RootElement.Clone()));
        }
        return events;
    }

    public async Task<JsonElement> StartAsync(string route, object body)
    {
        using var response = await Api.PostAsJsonAsync(route, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters) =>
        TestDatabase.ValueAsync<T>(ConnectionString, sql, parameters);

    private async Task WaitForSampleCorpusAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var jobs = await Api.GetFromJsonAsync<JsonElement>("/api/ingestions?limit=20", cancellationToken);
            if (jobs.EnumerateArray().Any(j => j.GetProperty("status").GetString() == "completed"))
            {
                return;
            }
            await Task.Delay(250, cancellationToken);
        }
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        Inference?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
        Directory.Delete(_folder, recursive: true);
    }
}
