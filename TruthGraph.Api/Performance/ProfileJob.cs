using System.Globalization;
using Npgsql;
using TruthGraph.ServiceDefaults.Diagnostics;
using TruthGraph.ServiceDefaults.Measurement;

namespace TruthGraph.Api.Performance;

/// <summary>The parts of the verification pipeline a profile measures in the API process; absent for the <c>perf</c> command without a database.</summary>
public sealed record PipelineParts(VerificationService Verifier, HttpEmbeddingClient Embeddings, PgvectorEvidenceStore Evidence, NpgsqlDataSource DataSource);

/// <summary>
/// A profile: the models in the inference service (load, single, batched, CPU samples — <c>POST /v1/profiles</c>), then
/// the components that run here — retrieval (pgvector) and aggregation (the verdict rule) — and a few claims through
/// the whole pipeline for each stage's share; then the bottlenecks those numbers show.
/// </summary>
public sealed class ProfileJob(InferencePerfClient inference, WorkloadSource workload, IOptions<VerificationOptions> options, PipelineParts? pipeline)
    : IPerfJob
{
    public const int DefaultClaims = 5;
    public const int DefaultTexts = 128;

    public PerfJobKind Kind => PerfJobKind.Profile;

    public async Task<PerfJobOutcome> RunAsync(PerfJobContext context, CancellationToken cancellationToken)
    {
        var request = context.RequestAs<ProfileJobRequest>();
        var settings = options.Value;
        var started = DateTimeOffset.UtcNow;
        var load = MachineLoad.OneMinute();
        var clock = Stopwatch.StartNew();
        var perComponent = TimeSpan.FromSeconds(request.SecondsPerComponent ?? 1.5);
        var claims = WorkloadSource.Claims(request.Claims ?? DefaultClaims);
        var texts = await workload.EvidenceTextsAsync(request.Texts ?? DefaultTexts, cancellationToken);
        var models = request.Models is { Count: > 0 } asked ? asked : [settings.EmbeddingModel, settings.NliModel];
        const int local = 3;
        var total = 1 + local;

        var profile = await inference.ProfileAsync(new InferenceProfileRequest(
            models, texts, claims, request.SecondsPerComponent, request.Sample, request.SampleSeconds), progress =>
        {
            total = progress.Total + local;
            context.Report("inference: " + progress.Phase, progress.Completed, total, progress.Message);
        }, cancellationToken);
        var done = total - local;
        byte[]? artifact = null;
        if (profile.Sampling is { } sampling)
        {
            artifact = await inference.GetProfileFileAsync(sampling.SpeedscopeFile, cancellationToken);
        }

        var components = new List<ComponentProfile>();
        var notes = new List<string>();
        var stages = new StageSamples();
        if (pipeline is null || await workload.EvidenceCountAsync(cancellationToken) == 0)
        {
            notes.Add(pipeline is null
                ? "No database: retrieval and the verify stage breakdown were not measured."
                : "The evidence store is empty: retrieval and the verify stage breakdown were not measured.");
            done += local;
        }
        else
        {
            context.Report("retrieval", done, total, F($"retrieval: top-10 searches for {claims.Count} claims"));
            var vectors = await pipeline.Embeddings.EmbedAsync(claims, settings.EmbeddingModel, cancellationToken);
            components.Add(await MeasureRetrievalAsync(vectors, perComponent, cancellationToken));
            done++;
            context.Report("aggregation", done, total, "aggregation: the verdict rule over 10 evidence");
            components.Add(MeasureAggregation(perComponent));
            done++;
            context.Report("verify", done, total, F($"verify: {claims.Count} claims through the pipeline"));
            await VerifyAsync(claims, stages, cancellationToken);
            done++;
        }

        var summaries = stages.Count > 0 ? stages.Summaries() : [];
        var advice = BottleneckAdvisor.Advise(profile.Models, summaries, stages.Count, profile.Sampling, profile.Process);
        var report = new ProfileJobReport(profile.Models, components, summaries, stages.Count, profile.Sampling, advice, profile.Process,
            Environment.WorkingSet, notes, started, Math.Round(clock.Elapsed.TotalSeconds, 2), new[] { load, MachineLoad.OneMinute() }.Max(),
            Environment.ProcessorCount);
        var summary = advice.Count > 0 ? advice[0].Finding : F($"{profile.Models.Count} model(s) profiled");
        context.Report("done", total, total, summary);
        return new PerfJobOutcome(report, summary, artifact, profile.Sampling?.SpeedscopeFile);
    }

    private async Task<ComponentProfile> MeasureRetrievalAsync(float[][] vectors, TimeSpan duration, CancellationToken cancellationToken)
    {
        var latencies = new List<double>();
        var meter = ApiResourceMeter.Start();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration || latencies.Count < vectors.Length)
        {
            var started = Stopwatch.GetTimestamp();
            await pipeline!.Evidence.SearchAsync(vectors[latencies.Count % vectors.Length], 10, -1, cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return Component("retrieval (pgvector, top-10)", latencies, meter.Stop());
    }

    private static ComponentProfile MeasureAggregation(TimeSpan duration)
    {
        // Ten evidence with varied scores, like a retrieved set: the rule's cost does not depend on the values.
        var evidence = Enumerable.Range(0, 10).Select(i => new PairScores(0.1 * (i % 7), 0.5, 0.05 * i, 0.3 + 0.05 * i)).ToList();
        var thresholds = new VerdictThresholds(0.5, 0.5, 0.3);
        var latencies = new List<double>();
        var meter = ApiResourceMeter.Start();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration / 4)
        {
            var started = Stopwatch.GetTimestamp();
            for (var i = 0; i < 100; i++)
            {
                VerdictAggregator.Decide(evidence, thresholds);
            }
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds / 100);
        }
        var usage = meter.Stop();
        return Component("aggregation (verdict rule, 10 evidence)", latencies, usage, callsPerSample: 100);
    }

    private async Task VerifyAsync(IReadOnlyList<string> claims, StageSamples stages, CancellationToken cancellationToken)
    {
        var ids = new List<Guid>();
        try
        {
            // One call first: connections and lazy paths warm up outside the figures.
            ids.AddRange((await pipeline!.Verifier.VerifyAsync([claims[0]], 10, -1, cancellationToken, useResultCache: false)).Select(r => r.Id));
            foreach (var claim in claims)
            {
                var started = Stopwatch.GetTimestamp();
                var result = (await pipeline.Verifier.VerifyAsync([claim], 10, -1, cancellationToken, useResultCache: false))[0];
                stages.Add(result.MeasuredTimings(), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                ids.Add(result.Id);
            }
        }
        finally
        {
            await using var command = pipeline!.DataSource.CreateCommand("DELETE FROM verifications WHERE id = ANY(@ids)");
            command.Parameters.AddWithValue("ids", ids.ToArray());
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    private static ComponentProfile Component(string name, List<double> latencies, ResourceUsage usage, int callsPerSample = 1)
    {
        var calls = latencies.Count * callsPerSample;
        var sorted = latencies.Order().ToArray();
        return new ComponentProfile(name, null, null, calls, calls, usage, Math.Round(calls / (usage.WallMs / 1000), 1),
            Rounded(sorted, 0.5), Rounded(sorted, 0.95),
            Math.Round(usage.CpuMs / Math.Max(1, calls), 5), usage.AllocatedBytes / Math.Max(1, calls), "api");
    }

    // A component with no timed calls reports 0, not NaN: the profile is JSON, which has no NaN.
    private static double Rounded(double[] sorted, double p) => sorted.Length == 0 ? 0 : Math.Round(NearestRank.Percentile(sorted, p), 4);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
