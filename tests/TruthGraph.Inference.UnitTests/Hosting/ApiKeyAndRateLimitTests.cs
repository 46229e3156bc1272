using Microsoft.Extensions.Hosting;

namespace TruthGraph.Inference.UnitTests.Hosting;

/// <summary>Model management needs the API key; reading and inference stay open; admin calls share a rate limit.</summary>
public sealed class ApiKeyAndRateLimitTests
{
    [Fact]
    public async Task Warmup_unload_and_settings_refuse_callers_without_the_right_key_and_open_endpoints_stay_open()
    {
        await using var host = await InferenceHost.StartAsync("Inference:Device=cpu", "Inference:WarmUp=false");
        using var anonymous = new HttpClient { BaseAddress = host.Address };
        using var wrongKey = new HttpClient { BaseAddress = host.Address };
        wrongKey.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, "not-the-key");

        foreach (var path in new[] { "/v1/models/all-minilm-l6-v2/warmup", "/v1/models/all-minilm-l6-v2/unload", "/v1/models/all-minilm-l6-v2/settings" })
        {
            using var missing = await anonymous.PostAsJsonAsync(path, new { batchSize = 4 });
            var problem = await ReadProblemAsync(missing, HttpStatusCode.Unauthorized);
            Assert.Equal(ApiKeyDefaults.HeaderName, problem.GetProperty("header").GetString());
            Assert.Contains(ApiKeyDefaults.HeaderName, missing.Headers.WwwAuthenticate.ToString());

            using var wrong = await wrongKey.PostAsJsonAsync(path, new { batchSize = 4 });
            Assert.Contains("not valid", (await ReadProblemAsync(wrong, HttpStatusCode.Unauthorized)).GetProperty("detail").GetString());
        }
        // Nothing was changed by the refused calls.
        var model = await anonymous.GetFromJsonAsync<JsonElement>("/v1/models/all-minilm-l6-v2");
        Assert.False(model.GetProperty("loaded").GetBoolean());
        Assert.NotEqual(4, model.GetProperty("batchSize").GetInt32());

        using var embed = await anonymous.PostAsJsonAsync("/v1/embeddings", new { input = "Open to everyone." });
        Assert.Equal(HttpStatusCode.OK, embed.StatusCode);
        using var allowed = await host.Http.PostAsJsonAsync("/v1/models/all-minilm-l6-v2/settings", new { batchSize = 4 });
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Admin_calls_beyond_the_burst_get_429_with_retry_after_and_a_problem()
    {
        await using var host = await InferenceHost.StartAsync("Inference:Device=cpu", "Inference:WarmUp=false",
            "RateLimits:Admin:Burst=5", "RateLimits:Admin:PermitsPerSecond=1");
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 8; i++)
        {
            var response = await host.Http.PostAsJsonAsync("/v1/models/no-such-model/settings", new { batchSize = 4 });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                refused ??= response;
            }
        }
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.NotFound));
        Assert.NotNull(refused);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) >= 1);
        Assert.Contains("rate limit", (await ReadProblemAsync(refused, HttpStatusCode.TooManyRequests)).GetProperty("detail").GetString());
    }

    private static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
