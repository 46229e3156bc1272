using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TruthGraph.Inference.UnitTests;

/// <summary>
/// Serves files the test made over real HTTP on 127.0.0.1 (Kestrel), with Range support, standing in for Hugging Face.
/// <c>/files/{name}</c> always answers fully; <c>/flaky/{name}</c> cuts its first response off half-way (the
/// connection is aborted), as a dropped download would, and answers normally afterwards.
/// </summary>
internal sealed class LocalFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Dictionary<string, byte[]> _files;
    private readonly ConcurrentDictionary<string, int> _flakyHits = new();

    private LocalFileServer(WebApplication app, Dictionary<string, byte[]> files)
    {
        _app = app;
        _files = files;
    }

    public Uri Address { get; private set; } = null!;

    /// <summary>The Range header of each request, in order ("" when none).</summary>
    public ConcurrentQueue<string> Ranges { get; } = new();

    public string Url(string name, bool flaky = false) => new Uri(Address, $"{(flaky ? "flaky" : "files")}/{name}").ToString();

    public static async Task<LocalFileServer> StartAsync(Dictionary<string, byte[]> files)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LocalFileServer(app, files);
        app.MapGet("/files/{name}", (string name, HttpContext context) => server.Serve(name, context));
        app.MapGet("/flaky/{name}", async (string name, HttpContext context) =>
        {
            if (server._flakyHits.AddOrUpdate(name, 1, (_, n) => n + 1) > 1 || !files.TryGetValue(name, out var bytes))
            {
                return server.Serve(name, context);
            }
            server.Ranges.Enqueue(context.Request.Headers.Range.ToString());
            context.Response.ContentLength = bytes.Length;
            await context.Response.Body.WriteAsync(bytes.AsMemory(0, bytes.Length / 2));
            await context.Response.Body.FlushAsync();
            context.Abort();
            return Results.Empty;
        });
        await app.StartAsync();
        server.Address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    private IResult Serve(string name, HttpContext context)
    {
        Ranges.Enqueue(context.Request.Headers.Range.ToString());
        return _files.TryGetValue(name, out var bytes)
            ? Results.File(bytes, "application/octet-stream", enableRangeProcessing: true)
            : Results.NotFound();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
