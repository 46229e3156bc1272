namespace TruthGraph.EndToEndTests;

/// <summary>One request's answer during a fault test: when it was sent (since the test's clock started), how long it took, what it said.</summary>
public sealed record ProbeResult(double SentAtSeconds, double Milliseconds, HttpStatusCode? Status, string Body, string? Exception)
{
    public JsonElement? Json => Body.StartsWith('{') ? JsonDocument.Parse(Body).RootElement.Clone() : null;

    public double AnsweredAtSeconds => SentAtSeconds + Milliseconds / 1000;

    public override string ToString() => $"{SentAtSeconds,6:F2} s  {(Status is { } s ? ((int)s).ToString() : Exception),-24} {Milliseconds,8:F1} ms  {(Body.Length > 160 ? Body[..160] + "…" : Body)}";
}

public static class FaultProbe
{
    public static async Task<ProbeResult> SendAsync(HttpClient client, Stopwatch clock, Func<HttpClient, Task<HttpResponseMessage>> send)
    {
        var sentAt = clock.Elapsed.TotalSeconds;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await send(client);
            var body = await response.Content.ReadAsStringAsync();
            return new ProbeResult(sentAt, Stopwatch.GetElapsedTime(started).TotalMilliseconds, response.StatusCode, body, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return new ProbeResult(sentAt, Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, "", ex.GetType().Name);
        }
    }

    public static Task<ProbeResult> VerifyAsync(HttpClient client, Stopwatch clock, string claim) =>
        SendAsync(client, clock, c => c.PostAsJsonAsync("/api/verify", new { claim, topK = 5 }));

    public static Task<ProbeResult> GetAsync(HttpClient client, Stopwatch clock, string path) =>
        SendAsync(client, clock, c => c.GetAsync(path));

    /// <summary>Repeats a probe until it answers 200, returning every answer (the last one is the 200).</summary>
    public static async Task<List<ProbeResult>> UntilOkAsync(Func<Task<ProbeResult>> probe, TimeSpan timeout, TimeSpan pause)
    {
        var answers = new List<ProbeResult>();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            var answer = await probe();
            answers.Add(answer);
            if (answer.Status == HttpStatusCode.OK)
            {
                return answers;
            }
            await Task.Delay(pause);
        }
        throw new TimeoutException($"no 200 within {timeout.TotalSeconds:0} s; last: {answers.LastOrDefault()}");
    }
}
