namespace TruthGraph.EndToEndTests;

[Collection(AppCollection.Name)]
public sealed class WalkingSkeletonTests(AppFixture fixture, BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task All_resources_become_healthy_and_report_pgvector_the_hnsw_index_and_the_models()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var app = fixture.App;

        using var api = app.CreateHttpClient("api");
        using var status = await api.GetFromJsonAsync<JsonDocument>("/api/status", cts.Token);
        var database = status!.RootElement.GetProperty("database");
        output.WriteLine(database.ToString());

        Assert.True(Version.Parse(database.GetProperty("pgvectorVersion").GetString()!) >= new Version(0, 8));
        Assert.Equal("local", database.GetProperty("mode").GetString());
        Assert.Contains("evidence_embedding_halfvec_hnsw_idx",
            database.GetProperty("hnswIndexes").EnumerateArray().Select(e => e.GetString()));
        Assert.StartsWith("15", database.GetProperty("postgresVersion").GetString());

        using var inference = app.CreateHttpClient("inference");
        using var models = await inference.GetFromJsonAsync<JsonDocument>("/v1/models", cts.Token);
        var minilm = models!.RootElement.GetProperty("data").EnumerateArray()
            .Single(m => m.GetProperty("id").GetString() == "all-minilm-l6-v2");
        Assert.Equal(384, minilm.GetProperty("dimensions").GetInt32());
        Assert.True(minilm.GetProperty("available").GetBoolean());

    }

    [Fact]
    public async Task The_status_page_shows_the_database_versions_in_a_real_browser()
    {
        using var cts = new CancellationTokenSource(Timeout);
        using var api = fixture.CreateHttpClient("api");
        using var status = await api.GetFromJsonAsync<JsonDocument>("/api/status", cts.Token);
        var database = status!.RootElement.GetProperty("database");

        var page = await browser.NewPageAsync();
        await page.GotoAsync(fixture.WebUrl("/status"));
        var pgvector = page.GetByTestId("pgvector-version");
        await Assertions.Expect(pgvector).ToHaveTextAsync(database.GetProperty("pgvectorVersion").GetString()!);
        await Assertions.Expect(page.GetByTestId("postgres-version")).ToHaveTextAsync(database.GetProperty("postgresVersion").GetString()!);
        await Assertions.Expect(page.GetByTestId("postgres-mode")).ToHaveTextAsync("local");
        await BrowserFixture.SaveScreenshotAsync(page, "status-page");
    }

    [Fact]
    public async Task Both_services_publish_an_openapi_document()
    {
        using var cts = new CancellationTokenSource(Timeout);
        var app = fixture.App;

        foreach (var (service, path) in new[] { ("api", "/api/status"), ("inference", "/v1/models") })
        {
            using var http = app.CreateHttpClient(service);
            using var document = await http.GetFromJsonAsync<JsonDocument>("/openapi/v1.json", cts.Token);
            Assert.True(document!.RootElement.GetProperty("paths").TryGetProperty(path, out _), $"{service} documents {path}");
            var ui = await http.GetAsync("/scalar", cts.Token);
            Assert.True(ui.IsSuccessStatusCode, $"{service} serves the API reference UI");
        }
    }

    [Fact]
    public async Task Container_mode_without_a_container_engine_fails_fast_with_a_clear_message()
    {
        if (Aspire.Hosting.ContainerRuntimeProbe.Probe().Healthy)
        {
            output.WriteLine("A container engine answers here: nothing to check.");
            return;
        }
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.TruthGraph_AppHost>(
                ["Postgres:Mode=container"], cts.Token);
            await using var app = await appHost.BuildAsync(cts.Token);
            await app.StartAsync(cts.Token);
        });
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: {error}");
        Assert.Contains("Postgres:Mode=container", FullMessage(error));
        Assert.Contains("Postgres:Mode=local", FullMessage(error));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"failed after {clock.Elapsed}");
    }

    private static string FullMessage(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }
        return string.Join(" | ", messages);
    }
}
