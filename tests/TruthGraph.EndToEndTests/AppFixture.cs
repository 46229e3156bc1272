using Xunit.Abstractions;
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
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "TruthGraph app";
}
