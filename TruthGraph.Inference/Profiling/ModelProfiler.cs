using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Embeddings;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Nli;
using TruthGraph.ServiceDefaults.Validation;

namespace TruthGraph.Inference.Profiling;

/// <summary>A validated profile request.</summary>
public sealed record ProfilePlan(IReadOnlyList<string> ModelIds, IReadOnlyList<string> Texts, IReadOnlyList<string>? Hypotheses,
    TimeSpan PerComponent, bool Sample, TimeSpan SampleDuration);

/// <summary>
/// Profiles each model: load (a private copy through the loader, so the served model stays up), single-item calls,
/// and batched calls at the model's batch size and at half and twice it — each with wall and CPU time, allocations,
/// GC counts and memory. Then, optionally, samples CPU stacks (EventPipe) while the same calls run again, so the
/// sampling overhead never touches the figures above.
/// </summary>
public sealed class ModelProfiler(
    ModelCache cache, ModelCatalog catalog, IEnumerable<IModelLoader> loaders, TextEmbedder embedder, PairClassifier classifier,
    GpuMemory deviceGpu, PerfGate gate, IOptions<InferenceOptions> options)
{
    public async Task<ProfileReport> RunAsync(ProfilePlan plan, IProgress<PerfProgress> progress, CancellationToken cancellationToken)
    {
        using var turn = await gate.EnterAsync(progress, cancellationToken);
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var total = plan.ModelIds.Count * 5 + (plan.Sample ? 2 : 0);
        var done = 0;
        void Report(string phase, string message) => progress.Report(new PerfProgress(phase, done, total, message));

        var profiles = new List<ModelProfile>();
        var workloads = new List<(ModelWorkload Workload, int ItemsPerCall)>();
        foreach (var id in plan.ModelIds)
        {
            catalog.TryGet(id, out var manifest);
            Report($"{id}: load", $"loading a private copy of {id}");
            var load = await ProfileLoadAsync(manifest, cancellationToken);
            done++;

            var model = await cache.GetAsync(id, cancellationToken);
            var gpu = model.Device.IsCuda ? deviceGpu : GpuMemory.None;
            var none = MemoryLimit.None(gpu, gpu.Available);
            var workload = await ModelWorkload.CreateAsync(manifest, plan.Texts, plan.Hypotheses, embedder, classifier, cancellationToken);
            var runtime = cache.Runtime(id);
            var batch = runtime.RunBatchSize.Current;
            var components = new List<ComponentProfile> { load };

            Report($"{id}: single", $"{id}: one {Singular(workload.Unit)} per call");
            var single = await CallLoop.RunAsync(workload, 1, plan.PerComponent, 5, none, warmCall: true, cancellationToken);
            components.Add(Component("single inference", id, 1, single));
            done++;

            foreach (var size in new[] { Math.Max(1, batch / 2), batch, Math.Min(BatchSizeRules.Largest, batch * 2) }.Distinct())
            {
                Report($"{id}: batch {size}", F($"{id}: batch {size}, {size * model.Sessions} {workload.Unit} per call"));
                using (runtime.RunBatchSize.BeginSweepOverride(size))
                {
                    var run = await CallLoop.RunAsync(workload, size * model.Sessions, plan.PerComponent, 3, none, warmCall: true, cancellationToken);
                    components.Add(Component(size == batch ? "batch inference" : F($"batch inference (batch {size})"), id, size, run));
                }
                done++;
            }
            done = (profiles.Count + 1) * 5;
            profiles.Add(new ModelProfile(id, manifest.Task.ToString().ToLowerInvariant(), workload.Unit, model.Device.Device, model.Device.Reason,
                batch, model.Sessions, model.IntraOpThreads, model.EstimatedBytes, components));
            workloads.Add((workload, batch * model.Sessions));
        }

        SamplingReport? sampling = null;
        if (plan.Sample)
        {
            Report("sampling", F($"sampling CPU stacks for {plan.SampleDuration.TotalSeconds:F0} s while the models run"));
            sampling = await SampleAsync(workloads, plan.SampleDuration, cancellationToken);
            done += 2;
        }
        Report("done", "profile complete");
        return new ProfileReport(profiles, sampling, Runtime(deviceGpu), started, Math.Round(clock.Elapsed.TotalSeconds, 2));
    }

    public static ProcessMemory Runtime(GpuMemory gpu)
    {
        using var process = Process.GetCurrentProcess();
        return new ProcessMemory(Environment.WorkingSet, process.PeakWorkingSet64, GC.GetTotalMemory(false), gpu.UsedBytes(), gpu.TotalBytes(),
            Environment.ProcessorCount);
    }

    private async Task<ComponentProfile> ProfileLoadAsync(ModelManifest manifest, CancellationToken cancellationToken)
    {
        var loader = loaders.Single(l => l.Task == manifest.Task);
        // Loaded (or found loaded) before the measurement: the copy shares the cache's encoder, which is not part of its cost.
        var encoder = await cache.LoadEncoderAsync(manifest);
        var gpu = deviceGpu.Available ? deviceGpu : GpuMemory.None;
        using var watch = MemoryLimit.None(gpu, gpu.Available).Watch();
        var start = ResourceSnapshot.Take(gpu);
        var copy = await loader.LoadAsync(manifest, ModelRuntime.Private(manifest.Id, ModelPrecision.Fp32), encoder, cancellationToken);
        var end = ResourceSnapshot.Take(gpu);
        watch.Dispose();
        await copy.DisposeAsync();
        return new ComponentProfile("model load", manifest.Id, null, 1, 0, ResourceUsage.Between(start, end, watch.PeakWorkingSetBytes), null, null, null);
    }

    private async Task<SamplingReport> SampleAsync(List<(ModelWorkload Workload, int ItemsPerCall)> workloads, TimeSpan duration,
        CancellationToken cancellationToken)
    {
        var folder = options.Value.ResolvedProfilesDirectory;
        Directory.CreateDirectory(folder);
        var name = F($"profile-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}");
        var nettrace = Path.Combine(folder, name + ".nettrace");
        var clock = Stopwatch.StartNew();
        await using (var recorder = EventPipeRecorder.Start(nettrace))
        {
            // Each model in turn, single items then batches, until the time is up: the stacks show both paths.
            var slice = duration / Math.Max(1, 2 * workloads.Count);
            while (clock.Elapsed < duration)
            {
                foreach (var (workload, perCall) in workloads)
                {
                    await CallLoop.RunAsync(workload, 1, slice, 1, MemoryLimit.None(GpuMemory.None, false), warmCall: false, cancellationToken);
                    await CallLoop.RunAsync(workload, perCall, slice, 1, MemoryLimit.None(GpuMemory.None, false), warmCall: false, cancellationToken);
                }
            }
            await recorder.StopAsync();
        }
        var seconds = clock.Elapsed.TotalSeconds;
        return SampleAnalyzer.Analyze(nettrace, Path.Combine(folder, name + ".speedscope.json"), seconds);
    }

    private static ComponentProfile Component(string name, string model, int batch, MeasuredCalls run) =>
        new(name, model, batch, run.Calls, run.Items, run.Usage, run.ItemsPerSecond, run.P50Ms, run.P95Ms);

    private static string Singular(string unit) => unit == "pairs" ? "pair" : "text";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
