using Xunit.Sdk;

namespace TruthGraph.EndToEndTests;

/// <summary>
/// One running TruthGraph (AppHost, throwaway local PostgreSQL, all services) shared by every test class in the
/// <see cref="AppCollection"/>: starting it takes 10–25 s here, so tests that can share it do.
/// </summary>
public sealed class AppFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app has not started.");

    public async Task InitializeAsync()
    {
        using var cts = new CancellationTokenSource(TruthGraphAppFactory.StartTimeout);
        _app = await TruthGraphAppFactory.StartAsync(TruthGraphAppFactory.EphemeralLocalPostgres, null, cts.Token);
        diagnostics.OnMessage(new DiagnosticMessage("TruthGraph app started for the shared collection"));
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    public HttpClient CreateHttpClient(string resource) => App.CreateHttpClient(resource);

    /// <summary>The dashboard page at <paramref name="path"/> of the running app.</summary>
    public string WebUrl(string path) => new Uri(App.GetEndpoint("web", "http"), path).ToString();

    /// <summary>
    /// Waits until the API's start-up seeding has put the whole sample corpus in (verifying finds all its evidence then):
    /// the sample source holds every sentence of the shipped corpus, whatever other tests have ingested beside it.
    /// </summary>
    public async Task WaitForSampleCorpusAsync()
    {
        using var api = CreateHttpClient("api");
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var expected = TruthGraph.Api.SampleData.SampleDataFiles.ParseCorpus().Sentences.Count;
        while (true)
        {
            var stats = await api.GetFromJsonAsync<JsonElement>("/api/evidence/stats", cts.Token);
            var sample = stats.GetProperty("sources").EnumerateArray()
                .FirstOrDefault(s => s.GetProperty("source").GetString() == TruthGraph.Api.SampleData.SampleDataFiles.CorpusSource);
            if (sample.ValueKind == JsonValueKind.Object && sample.GetProperty("sentences").GetInt64() >= expected)
            {
                return;
            }
            await Task.Delay(500, cts.Token);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "TruthGraph app";
}
