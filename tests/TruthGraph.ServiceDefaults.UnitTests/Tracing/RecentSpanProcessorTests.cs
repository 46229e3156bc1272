using System.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace TruthGraph.ServiceDefaults.UnitTests.Tracing;

/// <summary>The processor inside a real OpenTelemetry tracer provider, fed by a real activity source.</summary>
public sealed class RecentSpanProcessorTests
{
    [Fact]
    public void Finished_spans_reach_the_buffer_with_parent_source_service_status_and_bounded_tags()
    {
        using var source = new ActivitySource($"span-buffer.test.{Guid.NewGuid():N}");
        var buffer = new RecentSpanBuffer("api");
        using (Sdk.CreateTracerProviderBuilder().AddSource(source.Name).AddProcessor(new RecentSpanProcessor(buffer)).Build())
        {
            using (var parent = source.StartActivity("verify")!)
            {
                parent.SetTag("truthgraph.claims", 2);
                parent.SetTag("truthgraph.list", new[] { "a", "b" });
                using var child = source.StartActivity("classify pairs")!;
                child.SetTag("db.statement", new string('x', 1000));
                for (var i = 0; i < 40; i++)
                {
                    child.SetTag($"tag.{i}", i);
                }
                child.SetStatus(ActivityStatusCode.Error, "inference down");
            }

            var trace = buffer.List(10).Single();
            var (spans, _) = buffer.Find(trace.TraceId);
            var verify = Assert.Single(spans, s => s.Name == "verify");
            var classify = Assert.Single(spans, s => s.Name == "classify pairs");
            Assert.Null(verify.ParentSpanId);
            Assert.Equal(verify.SpanId, classify.ParentSpanId);
            Assert.Equal(source.Name, classify.Source);
            Assert.Equal("api", classify.Service);
            Assert.Equal("error", classify.Status);
            Assert.Equal("inference down", classify.StatusDescription);
            Assert.Equal("2", verify.Tags["truthgraph.claims"]);
            Assert.Equal("a, b", verify.Tags["truthgraph.list"]);
            Assert.Equal(32, classify.Tags.Count);
            Assert.True(classify.Tags["db.statement"].Length <= 401);
            Assert.True(verify.DurationMs >= classify.DurationMs);
        }
    }

    // The sources are not named truthgraph.*: test hosts running in parallel in this process listen to those and would sample them.
    [Fact]
    public void Spans_recorded_but_not_sampled_for_export_are_not_kept()
    {
        using var source = new ActivitySource($"span-buffer.test.{Guid.NewGuid():N}");
        var buffer = new RecentSpanBuffer("api");
        using (Sdk.CreateTracerProviderBuilder().AddSource(source.Name).SetSampler(new RecordOnlySampler())
                   .AddProcessor(new RecentSpanProcessor(buffer)).Build())
        {
            using (var activity = source.StartActivity("verify"))
            {
                // The processor sees this span: it exists and has its data, it is only not sampled.
                Assert.True(activity is { IsAllDataRequested: true, Recorded: false });
            }
        }
        Assert.Empty(buffer.List(10));
    }

    /// <summary>Keeps spans in process (for processors) without sampling them: what a sampler that drops a share does.</summary>
    private sealed class RecordOnlySampler : Sampler
    {
        public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) => new(SamplingDecision.RecordOnly);
    }
}
