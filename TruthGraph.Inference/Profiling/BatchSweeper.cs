using System.Globalization;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Embeddings;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Nli;
using TruthGraph.ServiceDefaults.Diagnostics;

namespace TruthGraph.Inference.Profiling;

/// <summary>
/// Measures one model at each run batch size of a plan, on the served model (each size is a sweep override of its
/// <see cref="BatchSizeSetting"/>, lifted when the step ends, also by an exception or a cancelled sweep): a call carries
/// one batch per session, so every session runs exactly one ONNX run of that size, as a large request would. Before each
/// larger batch, the memory it would need is projected from the growth measured so far; the sweep stops before a batch
/// whose projection passes the limit, and also stops at once when a step crosses it.
/// </summary>
public sealed class BatchSweeper(ModelCache cache, TextEmbedder embedder, PairClassifier classifier, GpuMemory deviceGpu,
    PerfGate gate)
{
    public const int MinCallsPerStep = 3;
    private const double SafetyFactor = 3;

    public async Task<SweepReport> RunAsync(SweepPlan plan, IProgress<PerfProgress> progress, CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(progress, cancellationToken);
        var started = DateTimeOffset.UtcNow;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var modelId = plan.Model.Id;
        progress.Report(new PerfProgress("loading", 0, 1, $"loading {modelId}"));
        var model = await cache.GetAsync(modelId, cancellationToken);
        var workload = await ModelWorkload.CreateAsync(plan.Model, plan.Texts, plan.Hypotheses, embedder, classifier, cancellationToken);
        var sizes = plan.BatchSizesOn(model.Device.IsCuda);

        var gpu = model.Device.IsCuda ? deviceGpu : GpuMemory.None;
        var onGpu = gpu.Available;
        var baseline = onGpu ? gpu.UsedBytes()!.Value : Environment.WorkingSet;
        var limit = plan.MemoryLimitBytes
                    ?? (plan.MemoryHeadroomBytes is { } headroom ? baseline + headroom : DefaultLimit(gpu, onGpu));
        var measure = onGpu ? "GPU memory in use" : "process working set";

        var load = MachineLoad.OneMinute();
        var runBatchSize = cache.Runtime(modelId).RunBatchSize;
        var before = runBatchSize.Current;
        var steps = new List<SweepStep>();
        string? stop = baseline >= limit
            ? F($"the {measure} is already {Mib(baseline)} MiB, at or above the limit of {Mib(limit)} MiB, before the first batch")
            : null;
        for (var i = 0; i < sizes.Count && stop is null; i++)
        {
            var size = sizes[i];
            var itemsPerCall = size * model.Sessions;
            progress.Report(new PerfProgress(F($"batch {size}"), i, sizes.Count, F($"measuring batch {size} ({itemsPerCall} {workload.Unit} per call)")));
            MeasuredCalls run;
            using (runBatchSize.BeginSweepOverride(size))
            {
                run = await CallLoop.RunAsync(workload, itemsPerCall, plan.StepDuration, MinCallsPerStep,
                    new MemoryLimit(gpu, onGpu, limit), warmCall: true, cancellationToken);
            }
            var step = new SweepStep(size, itemsPerCall, run.Calls, run.Items, run.ItemsPerSecond, run.P50Ms, run.P95Ms, run.PeakWatchedBytes,
                run.PeakWorkingSetBytes, run.PeakGpuBytes, run.Items > 0 ? Math.Round(run.Usage.CpuMs / run.Items, 4) : 0,
                run.Items > 0 ? run.Usage.AllocatedBytes / run.Items : 0, run.CrossedLimit, run.ThroughputSpread);
            steps.Add(step);
            progress.Report(new PerfProgress(F($"batch {size}"), i + 1, sizes.Count,
                F($"batch {size}: {step.ItemsPerSecond:F1} {workload.Unit}/s, p50 {step.P50Ms:F1} ms, p95 {step.P95Ms:F1} ms, peak {Mib(step.PeakMemoryBytes)} MiB"),
                step));
            if (run.CrossedLimit)
            {
                stop = F($"batch {size} crossed the memory limit ({measure} peaked at {Mib(step.PeakMemoryBytes)} MiB, limit {Mib(limit)} MiB) and was stopped; larger batches were not run");
            }
            else if (i + 1 < sizes.Count && Project(steps, baseline, sizes[i + 1] * model.Sessions) is var projected && projected > limit)
            {
                stop = F($"stopped before batch {sizes[i + 1]}: its projected {measure} of {Mib(projected)} MiB would cross the limit of {Mib(limit)} MiB (batch {size} peaked at {Mib(step.PeakMemoryBytes)} MiB)");
            }
        }
        load = Max(load, MachineLoad.OneMinute());
        var recommendation = SweepAdvisor.Recommend(steps, before, workload.Unit, stop, load, Environment.ProcessorCount);
        progress.Report(new PerfProgress("done", sizes.Count, sizes.Count,
            recommendation is null ? "no batch size could be measured" : F($"recommended batch {recommendation.BatchSize}")));
        return new SweepReport(modelId, plan.Model.Task.ToString().ToLowerInvariant(), workload.Unit, model.Device.Device, model.Device.Reason,
            model.Sessions, before, sizes, steps, measure, limit, baseline, stop, recommendation, workload.Count, Math.Round(workload.MeanWords, 1),
            started, Math.Round(clock.Elapsed.TotalSeconds, 2), load, Environment.ProcessorCount);
    }

    private static double? Max(double? a, double? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    /// <summary>
    /// The next step's peak, extrapolated linearly in items per call. Activation memory grows with the batch, and ONNX
    /// Runtime's arena keeps what it once took, so the peaks only go up, but not evenly: on MiniLM with 256-token texts
    /// the growth per text went 15, 13, 11, 17, 16, 16 MiB from the baseline through batch 32, and in one CI run 5, 8, 8
    /// and then 21 MiB at batch 8 (the arena grows in large chunks). So the steepest growth seen so far is used, three
    /// times over: a batch is skipped rather than its limit crossed (with half again, that CI run crossed it).
    /// </summary>
    internal static long Project(IReadOnlyList<SweepStep> steps, long baseline, int nextItemsPerCall)
    {
        double steepest = 0;
        var (previousPeak, previousItems) = (baseline, 0);
        foreach (var step in steps)
        {
            steepest = Math.Max(steepest, (double)(step.PeakMemoryBytes - previousPeak) / Math.Max(1, step.ItemsPerCall - previousItems));
            (previousPeak, previousItems) = (step.PeakMemoryBytes, step.ItemsPerCall);
        }
        var last = steps[^1];
        return last.PeakMemoryBytes + (long)(SafetyFactor * steepest * (nextItemsPerCall - last.ItemsPerCall));
    }

    private static long DefaultLimit(GpuMemory gpu, bool onGpu) => onGpu && gpu.TotalBytes() is { } total
        ? (long)(0.9 * total)
        : (long)(0.8 * GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
