using System.Text.Json;
using TruthGraph.Api.Jobs;
using TruthGraph.Api.Performance;

namespace TruthGraph.Api.UnitTests.Performance;

/// <summary>Job kinds and statuses are enums in the code and the same strings as before on the wire, in routes and in the database.</summary>
public sealed class PerfJobJsonTests
{
    [Theory]
    [InlineData(PerfJobKind.Profile, "profile", "/api/profiles")]
    [InlineData(PerfJobKind.Sweep, "sweep", "/api/sweeps")]
    [InlineData(PerfJobKind.PerfRun, "perf-run", "/api/perf-runs")]
    public void Each_kind_has_its_name_and_route(PerfJobKind kind, string name, string route)
    {
        Assert.Equal(name, kind.Name());
        Assert.Equal(route, kind.Route());
        Assert.Equal($"\"{name}\"", JsonSerializer.Serialize(kind, PerfJobRepository.Json));
    }

    [Fact]
    public void An_event_is_written_with_string_kind_and_status_and_reads_back()
    {
        var sent = new PerfEvent(Guid.Empty, PerfJobKind.PerfRun, JobStatus.Cancelled, "cancelled", 1, 2, 50, "stopped", null, DateTimeOffset.UnixEpoch);

        var json = JsonSerializer.Serialize(sent, PerfJobRepository.Json);
        using var document = JsonDocument.Parse(json);

        Assert.Equal("perf-run", document.RootElement.GetProperty("kind").GetString());
        Assert.Equal("cancelled", document.RootElement.GetProperty("status").GetString());
        Assert.Equal(sent, JsonSerializer.Deserialize<PerfEvent>(json, PerfJobRepository.Json));
    }

    [Theory]
    [InlineData(JobStatus.Queued, false)]
    [InlineData(JobStatus.Running, false)]
    [InlineData(JobStatus.Completed, true)]
    [InlineData(JobStatus.Failed, true)]
    [InlineData(JobStatus.Cancelled, true)]
    public void Only_completed_failed_and_cancelled_jobs_are_finished(JobStatus status, bool finished) =>
        Assert.Equal(finished, status.IsFinished());
}
