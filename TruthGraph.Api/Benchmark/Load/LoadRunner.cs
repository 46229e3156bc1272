using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace TruthGraph.Api.Benchmark.Load;

/// <summary>
/// Closed-loop load on <c>POST /api/verify</c>: each client sends its next request as soon as the last one is answered,
/// until the duration is up; the services' memory is sampled meanwhile. Self-stopping and bounded by <see cref="LoadOptions"/>.
/// </summary>
public static class LoadRunner
{
    public static async Task<LoadReport> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        if (options.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = options.ApiUrl, Timeout = options.RequestTimeout };
        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            http.DefaultRequestHeaders.Add(Microsoft.Extensions.Hosting.ApiKeyDefaults.HeaderName, options.ApiKey);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampler = new MemorySampler(options.ProcessIds);
        var sampling = sampler.RunAsync(options.SampleInterval, stop.Token);
        var next = -1L;
        var recorders = Enumerable.Range(0, options.Clients).Select(_ => new LatencyRecorder()).ToArray();

        var clock = Stopwatch.StartNew();
        stop.CancelAfter(options.Duration);
        await Task.WhenAll(recorders.Select(recorder => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref next);
                var baseClaim = options.Claims[(int)(n % options.Claims.Count)];
                var claim = options.UniqueClaims ? $"{baseClaim} (#{n})" : baseClaim;
                await SendAsync(http, claim, options.TopK, recorder);
            }
        }, CancellationToken.None)));
        var elapsed = clock.Elapsed;
        await stop.CancelAsync();
        await sampling;

        var latencies = recorders.SelectMany(r => r.SuccessMilliseconds).ToList();
        var errors = recorders.SelectMany(r => r.Errors).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Sum(e => e.Value));
        return new LoadReport(options.Clients, elapsed.TotalSeconds, latencies.Count, errors.Values.Sum(), errors,
            recorders.SelectMany(r => r.ErrorSamples).Take(10).ToList(), recorders.Sum(r => r.CachedAnswers),
            latencies.Count / elapsed.TotalSeconds, Percentiles.Of(latencies), sampler.Trends(), options.UniqueClaims);
    }

    private static async Task SendAsync(HttpClient http, string claim, int topK, LatencyRecorder recorder)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            // Not the stop token: a request in flight when time is up is let finish, so the end of the run is no error.
            using var response = await http.PostAsJsonAsync("/api/verify", new { claim, topK }, CancellationToken.None);
            var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
            var milliseconds = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.IsSuccessStatusCode)
            {
                using var result = JsonDocument.Parse(body);
                recorder.Success(milliseconds, result.RootElement.TryGetProperty("cached", out var cached) && cached.GetBoolean());
            }
            else
            {
                recorder.Error($"HTTP {(int)response.StatusCode}", body.Length > 300 ? body[..300] : body);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            // TaskCanceledException here is the request timeout: the stop token is never passed to a request.
            recorder.Error(ex.GetType().Name, ex.Message);
        }
    }
}
