using Microsoft.Diagnostics.Symbols;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Stacks;
using Xunit.Abstractions;

namespace TruthGraph.Inference.UnitTests.Profiling;

/// <summary>Profiles through <c>POST /v1/profiles</c>: component costs and CPU sampling with EventPipe.</summary>
[Collection(MeasurementCollection.Name)]
public sealed class ProfileTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("truthgraph-profile-test-").FullName;

    [Fact]
    public async Task A_profile_writes_sampling_files_that_parse_and_name_TruthGraph_methods_among_the_hottest_frames()
    {
        await using var host = await InferenceHost.StartAsync("Inference:Device=cpu", "Inference:WarmUp=false", $"Inference:ProfilesDirectory={_folder}");
        var texts = SharedData.ClimateFeverEvidence().Take(64).ToList();
        using var response = await host.Http.PostAsJsonAsync("/v1/profiles", new
        {
            models = new[] { "all-minilm-l6-v2", "nli-minilm-head" }, texts, secondsPerComponent = 0.3, sampleSeconds = 2,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = await SseStream.ReadAllAsync(response);
        Assert.DoesNotContain(events, e => e.Type == "error");
        var report = events.Single(e => e.Type == "result").Data;
        output.WriteLine(JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));

        // Every model has its components measured, with time, CPU and memory.
        var models = report.GetProperty("models").EnumerateArray().ToList();
        Assert.Equal(["all-minilm-l6-v2", "nli-minilm-head"], models.Select(m => m.GetProperty("model").GetString()));
        foreach (var model in models)
        {
            var components = model.GetProperty("components").EnumerateArray().ToDictionary(c => c.GetProperty("component").GetString()!);
            Assert.Contains("model load", components.Keys);
            Assert.Contains("single inference", components.Keys);
            Assert.Contains("batch inference", components.Keys);
            Assert.True(components["model load"].GetProperty("usage").GetProperty("wallMs").GetDouble() > 0);
            Assert.True(components["batch inference"].GetProperty("itemsPerSecond").GetDouble() > 0);
            Assert.True(components["batch inference"].GetProperty("usage").GetProperty("cpuMs").GetDouble() > 0);
            Assert.True(components["single inference"].GetProperty("p50Ms").GetDouble() > 0);
        }

        // The hottest frames (by self time) name the service's own inference code, not only the profiler's loop around it.
        var sampling = report.GetProperty("sampling");
        var hot = sampling.GetProperty("hotFrames").EnumerateArray().Take(10).Select(f => f.GetProperty("frame").GetString()!).ToList();
        var ours = hot.FirstOrDefault(f => f.StartsWith("TruthGraph.Inference.", StringComparison.Ordinal) && !f.StartsWith("TruthGraph.Inference.Profiling.", StringComparison.Ordinal));
        Assert.True(ours is not null, "no TruthGraph inference method among the 10 hottest frames: " + string.Join(" | ", hot));

        // The speedscope file is what https://www.speedscope.app opens: its frame table holds that method.
        var speedscopeName = sampling.GetProperty("speedscopeFile").GetString()!;
        using var speedscope = JsonDocument.Parse(await host.Http.GetByteArrayAsync($"/v1/profiles/files/{speedscopeName}"));
        Assert.Equal("https://www.speedscope.app/file-format-schema.json", speedscope.RootElement.GetProperty("$schema").GetString());
        Assert.Contains(speedscope.RootElement.GetProperty("shared").GetProperty("frames").EnumerateArray(),
            f => f.GetProperty("name").GetString()!.EndsWith("!" + ours, StringComparison.Ordinal));
        Assert.NotEmpty(speedscope.RootElement.GetProperty("profiles").EnumerateArray());

        // The nettrace opens in TraceEvent (PerfView, dotnet-trace) and its sampled stacks pass through that method.
        var nettrace = Path.Combine(_folder, sampling.GetProperty("nettraceFile").GetString()!);
        var etlx = TraceLog.CreateFromEventPipeDataFile(nettrace, Path.Combine(_folder, "check.etlx"));
        using var log = new TraceLog(etlx);
        var stacks = new MutableTraceEventStackSource(log);
        new SampleProfilerThreadTimeComputer(log, new SymbolReader(TextWriter.Null)).GenerateThreadTimeStacks(stacks);
        int samples = 0, throughOurs = 0;
        stacks.ForEach(sample =>
        {
            samples++;
            for (var i = sample.StackIndex; i != StackSourceCallStackIndex.Invalid; i = stacks.GetCallerIndex(i))
            {
                if (stacks.GetFrameName(stacks.GetFrameIndex(i), false).EndsWith("!" + ours, StringComparison.Ordinal))
                {
                    throughOurs++;
                    break;
                }
            }
        });
        output.WriteLine($"{samples} samples, {throughOurs} through {ours}");
        Assert.True(throughOurs > 50, $"{throughOurs} of {samples} samples pass through {ours}");

        using var missing = await host.Http.GetAsync("/v1/profiles/files/..%2Fsecrets.json");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
