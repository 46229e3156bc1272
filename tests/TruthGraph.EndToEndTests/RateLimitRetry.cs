namespace TruthGraph.EndToEndTests;

/// <summary>
/// Sends a request as a well-behaved client does: a 429 is waited out for its Retry-After and the request sent again.
/// All admin calls share one token bucket (30 at once, then 1 a second), and a test class that makes many of them in a
/// few seconds on a fast host can empty it; the tests using this check validation and storage, not the limiter
/// (SecurityTests checks the limiter). A per-call helper, not a retrying handler on the shared clients: SecurityTests
/// counts the 429s those same clients receive.
/// </summary>
internal static class RateLimitRetry
{
    private const int Attempts = 10;

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, Func<HttpRequestMessage> build, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var request = build();
            var response = await client.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt == Attempts)
            {
                return response;
            }
            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            request.Dispose();
            await Task.Delay(wait, cancellationToken);
        }
    }
}
