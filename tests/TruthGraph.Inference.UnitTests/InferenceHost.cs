using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using TruthGraph.Inference.Hosting;

namespace TruthGraph.Inference.UnitTests;

/// <summary>The inference service in this process on a real Kestrel socket, as a client on the network sees it.</summary>
public sealed class InferenceHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InferenceHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(2) };
        Http.DefaultRequestHeaders.Add(Microsoft.Extensions.Hosting.ApiKeyDefaults.HeaderName, ApiKey);
    }

    /// <summary>The key this host accepts for admin operations; <see cref="Http"/> sends it.</summary>
    public const string ApiKey = "unit-test-api-key";

    public Uri Address { get; }
    public HttpClient Http { get; }
    public IServiceProvider Services => _app.Services;

    public static async Task<InferenceHost> StartAsync(params string[] settings)
    {
        var app = InferenceApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Development", $"--Security:ApiKey={ApiKey}",
            .. settings.Select(s => "--" + s)]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new InferenceHost(app, new Uri(address));
    }

    /// <summary>Polls /health until it answers 200 (the models are warm), returning its body.</summary>
    public async Task<JsonDocument> WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            var response = await Http.GetAsync("/health", cts.Token);
            if (response.IsSuccessStatusCode)
            {
                return (await response.Content.ReadFromJsonAsync<JsonDocument>(cts.Token))!;
            }
            await Task.Delay(100, cts.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One warm CPU host shared by the HTTP tests.</summary>
public sealed class CpuHostFixture : IAsyncLifetime
{
    public InferenceHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await InferenceHost.StartAsync("Inference:Device=cpu");
        (await Host.WaitUntilHealthyAsync(TimeSpan.FromMinutes(2))).Dispose();
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class CpuHostCollection : ICollectionFixture<CpuHostFixture>
{
    public const string Name = "inference host (cpu)";
}
