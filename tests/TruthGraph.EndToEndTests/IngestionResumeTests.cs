namespace TruthGraph.EndToEndTests;

/// <summary>A job cut off by stopping the API resumes after its last committed batch when the API comes back.</summary>
public sealed class IngestionResumeTests(EvidenceAppFixture fixture, ITestOutputHelper output) : IClassFixture<EvidenceAppFixture>
{
    [Fact]
    public async Task A_job_interrupted_by_stopping_the_api_resumes_without_duplicates_or_rework()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var lines = File.ReadLines(TestData.ClimateFever("dev.jsonl")).Skip(50).ToArray();
        var expected = lines.SelectMany(l => JsonDocument.Parse(l).RootElement.GetProperty("evidences").EnumerateArray()
            .Select(e => e.GetProperty("evidence_id").GetString())).Distinct().Count();
        const string source = "climate-fever-resume";

        using var content = new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson");
        using var response = await fixture.Api.PostAsync($"/api/ingestions?format=climate-fever&source={source}", content, cts.Token);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(cts.Token)).GetProperty("id").GetGuid();

        // Stop the API as soon as the first batch has committed, well before the job can finish.
        while (await fixture.ScalarAsync("SELECT processed FROM ingestion_jobs WHERE id = @id", ("id", id)) == 0)
        {
            await Task.Delay(20, cts.Token);
        }
        output.WriteLine("first batch committed: stopping the api");
        await fixture.App.ResourceCommands.ExecuteCommandAsync("api", KnownResourceCommands.StopCommand, cts.Token);
        // The state a stopped project reports varies (Exited, Finished, sometimes Unknown): wait for "not running", then
        // make sure nothing is writing any more.
        await fixture.App.ResourceNotifications.WaitForResourceAsync("api",
            e => e.Snapshot.State?.Text is not ("Running" or "Starting" or "Stopping" or "Waiting" or "RuntimeUnhealthy"), cts.Token);
        long before;
        do
        {
            before = await fixture.ScalarAsync("SELECT processed FROM ingestion_jobs WHERE id = @id", ("id", id));
            await Task.Delay(TimeSpan.FromSeconds(1.5), cts.Token);
        }
        while (before != await fixture.ScalarAsync("SELECT processed FROM ingestion_jobs WHERE id = @id", ("id", id)));
        output.WriteLine("api stopped");
        var processedAtStop = await fixture.ScalarAsync("SELECT processed FROM ingestion_jobs WHERE id = @id", ("id", id));
        var storedAtStop = await fixture.ScalarAsync("SELECT count(*) FROM evidence WHERE source = @s", ("s", source));
        output.WriteLine($"stopped with {processedAtStop} of {expected} processed, {storedAtStop} stored");
        Assert.InRange(processedAtStop, 1, expected - 1);
        Assert.Equal(processedAtStop, storedAtStop);
        Assert.Equal(1, await fixture.ScalarAsync("SELECT count(*) FROM ingestion_jobs WHERE id = @id AND status = 'running'", ("id", id)));

        await fixture.App.ResourceCommands.ExecuteCommandAsync("api", KnownResourceCommands.StartCommand, cts.Token);
        output.WriteLine("api start requested");
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("api", cts.Token);
        output.WriteLine("api healthy again");
        var job = await fixture.WaitForJobAsync(id.ToString());
        output.WriteLine(job.ToString());

        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal(expected, job.GetProperty("processed").GetInt32());
        // Every sentence inserted exactly once across both runs; none re-embedded as 'unchanged' by the resumed run.
        Assert.Equal(expected, job.GetProperty("inserted").GetInt32());
        Assert.Equal(0, job.GetProperty("skipped").GetInt32());
        Assert.Equal(expected, await fixture.ScalarAsync("SELECT count(*) FROM evidence WHERE source = @s", ("s", source)));
    }
}
