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

        var next = -1L;
        // The same load first, its latencies not counted and its memory not sampled: JIT, connection pools, the GC's
        // heap sizing and the bounded caches settle. Its errors do count.
        var warmUp = Enumerable.Range(0, options.Clients).Select(_ => new LatencyRecorder()).ToArray();
        if (options.WarmUp > TimeSpan.Zero)
        {
            await RunPhaseAsync(http, options, warmUp, options.WarmUp, () => Interlocked.Increment(ref next), cancellationToken);
        }
        var recorders = Enumerable.Range(0, options.Clients).Select(_ => new LatencyRecorder()).ToArray();
        using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var sampler = new MemorySampler(options.ProcessIds);
        var sampling = sampler.RunAsync(options.SampleInterval, stopSampling.Token);
        var elapsed = await RunPhaseAsync(http, options, recorders, options.Duration, () => Interlocked.Increment(ref next), cancellationToken);
        await stopSampling.CancelAsync();
        await sampling;

        var latencies = recorders.SelectMany(r => r.SuccessMilliseconds).ToList();
        var everyone = warmUp.Concat(recorders).ToList();
        var errors = everyone.SelectMany(r => r.Errors).GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Sum(e => e.Value));
        return new LoadReport(options.Clients, options.WarmUp.TotalSeconds, elapsed.TotalSeconds, latencies.Count, errors.Values.Sum(), errors,
            everyone.SelectMany(r => r.ErrorSamples).Take(10).ToList(), recorders.Sum(r => r.CachedAnswers),
            latencies.Count / elapsed.TotalSeconds, Percentiles.Of(latencies), sampler.Trends(), options.UniqueClaims);
    }

    /// <summary>Every client sends its next request as soon as its last one is answered, until <paramref name="duration"/> is up.</summary>
    private static async Task<TimeSpan> RunPhaseAsync(HttpClient http, LoadOptions options, LatencyRecorder[] recorders, TimeSpan duration,
        Func<long> nextNumber, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        stop.CancelAfter(duration);
        await Task.WhenAll(recorders.Select(recorder => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var n = nextNumber();
                var baseClaim = options.Claims[(int)(n % options.Claims.Count)];
                var claim = options.UniqueClaims ? $"{baseClaim} (#{n})" : baseClaim;
                await SendAsync(http, claim, options.TopK, recorder);
            }
        }, CancellationToken.None)));
        return clock.Elapsed;
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
