using System.Globalization;
using Npgsql;
using TruthGraph.ServiceDefaults.Diagnostics;

namespace TruthGraph.Api.Performance;

/// <summary>
/// The end-to-end performance run: N claims (k evidence each, similarity floor off so every claim gets k) through the
/// real verification pipeline without its result cache, after an optional warm-up, repeated; then embedding and NLI
/// throughput on corpus texts; memory of both services; every figure checked against the targets. The verification
/// rows the run stores are deleted afterwards (untimed), so the user's history keeps only real verifications.
/// </summary>
public sealed class PerfRunJob(
    VerificationService verifier, HttpEmbeddingClient embeddings, HttpNliClient nli, InferencePerfClient inference, WorkloadSource workload,
    NpgsqlDataSource dataSource, IOptions<VerificationOptions> options) : IPerfJob
{
    private const int EmbeddingChunk = 64;

    public PerfJobKind Kind => PerfJobKind.PerfRun;

    public async Task<PerfJobOutcome> RunAsync(PerfJobContext context, CancellationToken cancellationToken)
    {
        var request = context.RequestAs<PerfRunRequest>();
        int claimsCount = request.Claims ?? 5, k = request.TopK ?? 10, repetitions = request.Repetitions ?? 1, throughputTexts = request.ThroughputTexts ?? 256;
        var warmUp = request.WarmUp ?? true;
        var settings = options.Value;
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        if (await workload.EvidenceCountAsync(cancellationToken) == 0)
        {
            throw new InvalidOperationException("The evidence store is empty: ingest evidence (or let the sample corpus load) before an e2e run.");
        }
        var claims = WorkloadSource.Claims(claimsCount);
        var steps = (warmUp ? 1 : 0) + claimsCount * repetitions + 3;
        var done = 0;
        var load = MachineLoad.OneMinute();
        using var apiMemory = new WorkingSetSampler();
        var inferenceMemory = new List<ProcessMemory> { await inference.GetMemoryAsync(cancellationToken) };
        var ids = new List<Guid>();
        try
        {
            if (warmUp)
            {
                context.Report("warm-up", done, steps, "warm-up: one claim through every stage (not counted)");
                ids.AddRange((await verifier.VerifyAsync([claims[0]], k, -1, cancellationToken, useResultCache: false)).Select(r => r.Id));
                done++;
            }

            var samples = new StageSamples();
            double evidence = 0;
            var wall = Stopwatch.StartNew();
            for (var repetition = 0; repetition < repetitions; repetition++)
            {
                foreach (var claim in claims)
                {
                    var callStarted = Stopwatch.GetTimestamp();
                    var result = (await verifier.VerifyAsync([claim], k, -1, cancellationToken, useResultCache: false))[0];
                    var callMs = Stopwatch.GetElapsedTime(callStarted).TotalMilliseconds;
                    samples.Add(result.MeasuredTimings(), callMs);
                    evidence += result.Evidence.Count;
                    ids.Add(result.Id);
                    done++;
                    context.Report("verify", done, steps, F($"claim {samples.Count} of {claimsCount * repetitions}: {callMs:F1} ms, {result.Evidence.Count} evidence"));
                }
            }
            var wallMs = wall.Elapsed.TotalMilliseconds;
            inferenceMemory.Add(await inference.GetMemoryAsync(cancellationToken));

            context.Report("embedding throughput", done, steps, F($"embedding {throughputTexts} corpus texts in requests of {EmbeddingChunk}"));
            var nliStageMs = samples.Summaries().Single(s => s.Stage == "nli").TotalMs;
            var pipelineRate = nliStageMs > 0 ? Math.Round(evidence / (nliStageMs / 1000), 1) : 0;
            var throughput = await MeasureThroughputAsync(throughputTexts, claims, pipelineRate, settings, cancellationToken);
            done += 2;
            inferenceMemory.Add(await inference.GetMemoryAsync(cancellationToken));

            var stages = samples.Summaries();
            var total = samples.Total();
            var stagesTotal = stages.Sum(s => s.TotalMs);
            var difference = wallMs > 0 ? Math.Round(100 * Math.Abs(stagesTotal - wallMs) / wallMs, 2) : 0;
            var memory = new MemoryFigures(apiMemory.PeakBytes, inferenceMemory.Max(m => m.WorkingSetBytes), inferenceMemory[^1].PeakWorkingSetBytes,
                apiMemory.PeakBytes + inferenceMemory.Max(m => m.WorkingSetBytes), inferenceMemory.Max(m => m.GpuMemoryUsedBytes));
            var targets = TargetValidator.Check(PerfTargets.Defaults.Over(request.Targets), total, throughput, memory);
            var models = await inference.ListModelsAsync(cancellationToken);
            var device = models.FirstOrDefault(m => m.Id == settings.EmbeddingModel)?.Device ?? "unknown";
            var report = new PerfRunReport(claimsCount, k, repetitions, warmUp, samples.Count, Math.Round(evidence / Math.Max(1, samples.Count), 2),
                stages, total, new StageConsistency(Math.Round(stagesTotal, 3), Math.Round(wallMs, 3), difference, difference <= 5), throughput, memory,
                targets, targets.All(t => t.Met), settings.EmbeddingModel, settings.NliModel, device, started, Math.Round(clock.Elapsed.TotalSeconds, 2),
                new[] { load, MachineLoad.OneMinute() }.Max(), Environment.ProcessorCount);
            var summary = F($"verify p50 {total.MedianMs:F1} ms, p95 {total.P95Ms:F1} ms over {samples.Count} calls; {targets.Count(t => t.Met)} of {targets.Count} targets met");
            context.Report("done", steps, steps, summary);
            return new PerfJobOutcome(report, summary);
        }
        finally
        {
            await DeleteVerificationsAsync(ids);
        }
    }

    /// <param name="pipelinePairs">Pairs per second of the NLI stage inside the verify calls (k pairs per call, one request each).</param>
    private async Task<ThroughputFigures> MeasureThroughputAsync(int count, IReadOnlyList<string> claims, double pipelinePairs,
        VerificationOptions settings, CancellationToken cancellationToken)
    {
        var texts = count > 0 ? await workload.EvidenceTextsAsync(count, cancellationToken) : [];
        if (texts.Count == 0)
        {
            return new ThroughputFigures(0, 0, 0, 0, settings.NliModel, pipelinePairs);
        }
        await embeddings.EmbedAsync(texts.Take(EmbeddingChunk).ToList(), settings.EmbeddingModel, cancellationToken); // warm: not timed
        var clock = Stopwatch.StartNew();
        var vectors = new List<float[]>(texts.Count);
        foreach (var chunk in texts.Chunk(EmbeddingChunk))
        {
            vectors.AddRange(await embeddings.EmbedAsync(chunk, settings.EmbeddingModel, cancellationToken));
        }
        var embedRate = texts.Count / clock.Elapsed.TotalSeconds;

        // Pairs as the pipeline sends them: evidence text and stored embedding, claim text and its embedding.
        var claimVectors = await embeddings.EmbedAsync(claims, settings.EmbeddingModel, cancellationToken);
        var pairs = texts.Select((t, i) => new NliPair(t, claims[i % claims.Count], vectors[i], claimVectors[i % claims.Count])).ToList();
        await nli.ClassifyAsync(pairs.Take(16).ToList(), settings.NliModel, cancellationToken); // warm: not timed
        clock.Restart();
        await nli.ClassifyAsync(pairs, settings.NliModel, cancellationToken);
        var nliRate = pairs.Count / clock.Elapsed.TotalSeconds;
        return new ThroughputFigures(Math.Round(embedRate, 1), texts.Count, Math.Round(nliRate, 1), pairs.Count, settings.NliModel, pipelinePairs);
    }

    private async Task DeleteVerificationsAsync(List<Guid> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }
        await using var command = dataSource.CreateCommand("DELETE FROM verifications WHERE id = ANY(@ids)");
        command.Parameters.AddWithValue("ids", ids.ToArray());
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
