using System.Globalization;
using TruthGraph.Api.Cli;
using TruthGraph.Api.Benchmark.Load;

namespace TruthGraph.EndToEndTests;

/// <summary>
/// 16 concurrent clients verifying claims on loopback: no errors, and the memory of the API and inference services
/// shows no growth trend. CI runs it for 10 s; <c>scripts/load-test.sh</c> runs the full 60 s
/// (<c>TRUTHGRAPH_LOAD_SECONDS</c>; <c>TRUTHGRAPH_LOAD_REPEAT=1</c> repeats claims so that the result cache answers;
/// <c>TRUTHGRAPH_LOAD_REPLICAS=N</c> runs N API and N inference replicas).
/// </summary>
public sealed class LoadTests(LoadTests.Fixture fixture, ITestOutputHelper output) : IClassFixture<LoadTests.Fixture>
{
    /// <summary>
    /// The result cache keeps every new claim's answer, a few kilobytes each, up to Verification:ResultCacheSize
    /// entries; at the default 10,000 it would still be filling after a minute at this rate, and that bounded growth
    /// would hide a leak. A smaller cache fills during the warm-up, so what the memory trend shows is everything else.
    /// </summary>
    public sealed class Fixture : EvidenceAppFixture
    {
        public const int ResultCacheSize = 1000;

        public static int Replicas => int.Parse(Environment.GetEnvironmentVariable("TRUTHGRAPH_LOAD_REPLICAS") ?? "1", CultureInfo.InvariantCulture);

        protected override IEnumerable<string> Arguments => [$"Api:Replicas={Replicas}", $"Inference:Replicas={Replicas}"];

        protected override void Configure(IDistributedApplicationTestingBuilder appHost) =>
            appHost.CreateResourceBuilder<ProjectResource>("api").WithEnvironment("Verification__ResultCacheSize", ResultCacheSize.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Growth of the fitted working-set line over the measured run that still counts as "no trend": the GC's heap
    /// breathes by tens of megabytes. A leak of a verification's worth per request (5 KB × 50/s) is 15 MB a minute.
    /// </summary>
    private const double AllowedGrowthMb = 32;

    /// <summary>
    /// The inference service's allowance: ONNX Runtime's CPU arena and the native heap grow in steps when a batch of a new
    /// largest shape arrives and keep what they took. One clean-clone CI run of 2026-12-05 measured +35.7 MB fitted
    /// (1,315 → 1,342 MB) over an 11 s run on a 2-core host, with no change to the inference service.
    /// </summary>
    private const double AllowedInferenceGrowthMb = 64;

    [Fact]
    public async Task Sixteen_clients_verifying_get_no_errors_and_the_services_memory_does_not_grow()
    {
        var seconds = double.Parse(Environment.GetEnvironmentVariable("TRUTHGRAPH_LOAD_SECONDS") ?? "10", CultureInfo.InvariantCulture);
        var warmUp = double.Parse(Environment.GetEnvironmentVariable("TRUTHGRAPH_LOAD_WARMUP_SECONDS") ?? "20", CultureInfo.InvariantCulture);
        var repeat = Environment.GetEnvironmentVariable("TRUTHGRAPH_LOAD_REPEAT") == "1";
        var devLines = File.ReadAllLines(TestData.ClimateFever("dev.jsonl"));

        // A corpus of real evidence (the sample corpus is seeded at start): the first 100 dev claims' sentences.
        using (var upload = await fixture.Api.PostAsync("/api/ingestions?format=climate-fever",
                   new StringContent(string.Join('\n', devLines.Take(100)), Encoding.UTF8, "application/x-ndjson")))
        {
            Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
            var job = await fixture.WaitForJobAsync(JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!);
            Assert.Equal("completed", job.GetProperty("status").GetString());
        }
        var claims = LoadCommand.ReadClaims(TestData.ClimateFever("dev.jsonl"));
        var replicas = Fixture.Replicas;
        var processes = replicas == 1 ? ["api", "inference"]
            : (await fixture.App.ReplicaIdsAsync("api", replicas, CancellationToken.None)).Concat(await fixture.App.ReplicaIdsAsync("inference", replicas, CancellationToken.None));
        var pids = processes.Select(fixture.App.ProcessId).OfType<int>().ToList();
        Assert.Equal(2 * replicas, pids.Count);

        var report = await LoadRunner.RunAsync(new LoadOptions
        {
            ApiUrl = fixture.App.GetEndpoint("api", "http"),
            Claims = claims,
            Clients = 16,
            Duration = TimeSpan.FromSeconds(seconds),
            WarmUp = TimeSpan.FromSeconds(warmUp),
            UniqueClaims = !repeat,
            ApiKey = TruthGraphAppFactory.ApiKey,
            ProcessIds = pids,
        }, CancellationToken.None);
        output.WriteLine(report.ToText());
        if (Environment.GetEnvironmentVariable("TRUTHGRAPH_LOAD_REPORT") is { Length: > 0 } path)
        {
            await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        }

        Assert.Equal(0, report.Failed);
        Assert.True(report.Succeeded >= 16, $"{report.Succeeded} verifications in {report.Seconds:F0} s");
        Assert.Equal(2 * replicas, report.Memory.Count);
        Assert.All(report.Memory, m =>
        {
            Assert.True(m.Samples >= seconds, $"{m.Name}: {m.Samples} memory samples");
            var allowed = m.Name.StartsWith("TruthGraph.Inference", StringComparison.Ordinal) ? AllowedInferenceGrowthMb : AllowedGrowthMb;
            Assert.True(m.FittedGrowthMb < allowed, $"{m.Name} grew {m.FittedGrowthMb:F1} MB over the run after warm-up (allowed {allowed} MB)");
        });
    }
}
