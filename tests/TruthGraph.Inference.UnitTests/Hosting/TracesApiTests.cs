using System.Diagnostics;

namespace TruthGraph.Inference.UnitTests.Hosting;

/// <summary>The inference service's <c>/v1/traces</c>: the spans it keeps of a caller's trace, which the API joins with its own.</summary>
[Collection(CpuHostCollection.Name)]
public sealed class TracesApiTests(CpuHostFixture fixture)
{
    private InferenceHost Host => fixture.Host;

    [Fact]
    public async Task A_callers_trace_id_finds_the_spans_the_service_made_for_it()
    {
        // The caller's span (the API's, in the real system), sampled as the API's spans are: the service follows its
        // caller's sampling decision. The request carries it in traceparent.
        using var caller = new Activity("caller").SetIdFormat(ActivityIdFormat.W3C);
        caller.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        caller.Start();
        var traceId = caller.TraceId.ToHexString();
        using (var embedded = await Host.Http.PostAsJsonAsync("/v1/embeddings", new { input = "Ice sheets are melting." }))
        {
            embedded.EnsureSuccessStatusCode();
        }
        caller.Stop();

        var trace = await GetTraceAsync(traceId);
        var spans = trace.GetProperty("spans").EnumerateArray().ToList();
        Assert.Contains(spans, s => s.GetProperty("name").GetString() == "embed request" && s.GetProperty("source").GetString() == "truthgraph.embed");
        var server = Assert.Single(spans, s => s.GetProperty("source").GetString() == "Microsoft.AspNetCore");
        Assert.Equal(JsonValueKind.String, server.GetProperty("parentSpanId").ValueKind);
        Assert.Equal(0, spans[0].GetProperty("startOffsetMs").GetDouble());

        var list = await Host.Http.GetFromJsonAsync<JsonElement>("/v1/traces?limit=200");
        var traces = list.GetProperty("traces").EnumerateArray().ToList();
        Assert.Contains(traces, t => t.GetProperty("traceId").GetString() == traceId);
        // Reading traces makes no server spans (in this process the test's own client spans are kept too, so look inside).
        foreach (var id in traces.Where(t => t.GetProperty("sources").EnumerateArray().Any(s => s.GetString() == "Microsoft.AspNetCore"))
                     .Select(t => t.GetProperty("traceId").GetString()))
        {
            // The buffer keeps the newest traces: one listed a moment ago may have been pushed out by another test's requests.
            using var response = await Host.Http.GetAsync($"/v1/traces/{id}");
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                continue;
            }
            response.EnsureSuccessStatusCode();
            var other = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.DoesNotContain(other.GetProperty("spans").EnumerateArray(), s =>
                s.GetProperty("source").GetString() == "Microsoft.AspNetCore" && s.GetProperty("name").GetString()!.Contains("/v1/traces"));
        }
    }

    /// <summary>The server span ends just after the response is sent: give it a moment to reach the buffer.</summary>
    private async Task<JsonElement> GetTraceAsync(string traceId)
    {
        for (var attempt = 1; ; attempt++)
        {
            var trace = await Host.Http.GetFromJsonAsync<JsonElement>($"/v1/traces/{traceId}");
            if (attempt == 20 || trace.GetProperty("spans").EnumerateArray().Any(s => s.GetProperty("source").GetString() == "Microsoft.AspNetCore"))
            {
                return trace;
            }
            await Task.Delay(50);
        }
    }

    [Theory]
    [InlineData("/v1/traces/xyz", "traceId")]
    [InlineData("/v1/traces/00000000000000000000000000000000", "traceId")]
    [InlineData("/v1/traces?limit=0", "limit")]
    [InlineData("/v1/traces?limit=201", "limit")]
    public async Task Bad_input_is_refused_naming_the_field(string path, string field)
    {
        using var response = await Host.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task An_unknown_trace_is_a_404_problem()
    {
        using var response = await Host.Http.GetAsync($"/v1/traces/{new string('b', 32)}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
