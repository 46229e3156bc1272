using System.Text.Json;

namespace TruthGraph.Web.UnitTests.Services;

/// <summary>The dashboard reads the API's job kinds and statuses (kebab-case strings) into its enums.</summary>
public sealed class PerformanceModelsTests
{
    [Fact]
    public void A_job_from_the_api_reads_its_kind_and_status()
    {
        const string json = """
            {"id": "0195a000-0000-7000-8000-000000000001", "kind": "perf-run", "status": "queued", "model": null, "request": {},
             "progress": {"jobId": "0195a000-0000-7000-8000-000000000001", "kind": "perf-run", "status": "running", "phase": "embed",
                          "completed": 1, "total": 4, "percent": 25, "message": "embedding", "data": null, "at": "2026-12-01T00:00:00Z"},
             "result": null, "summary": null, "failure": null, "artifactName": null, "appliedBatchSize": null, "appliedAt": null,
             "createdAt": "2026-12-01T00:00:00Z", "startedAt": null, "finishedAt": null, "seconds": null}
            """;

        var job = JsonSerializer.Deserialize<PerfJobView>(json, PerformanceApiClient.Json)!;

        Assert.Equal((PerfKind.PerfRun, JobStatus.Queued), (job.Kind, job.Status));
        Assert.Equal(JobStatus.Running, job.Progress!.Status);
        Assert.False(job.IsFinished);
        Assert.Equal("/api/perf-runs", job.Kind.Route());
        Assert.Equal($"performance/perf-run/{job.Id}", PerformanceLinks.Job(job));
    }

    [Theory]
    [InlineData("sweep", PerfKind.Sweep)]
    [InlineData("perf-run", PerfKind.PerfRun)]
    [InlineData("profile", PerfKind.Profile)]
    public void A_kind_in_the_page_address_parses_back(string name, PerfKind kind)
    {
        Assert.Equal(kind, PerfKinds.Parse(name));
        Assert.Equal(name, kind.Name());
    }

    [Fact]
    public void An_unknown_kind_or_status_is_not_guessed()
    {
        Assert.Null(PerfKinds.Parse("PerfRun"));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<JobStatus>("\"paused\"", PerformanceApiClient.Json));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<JobStatus>("2", PerformanceApiClient.Json));
    }
}
