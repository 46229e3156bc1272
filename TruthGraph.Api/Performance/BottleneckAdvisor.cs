using System.Globalization;

namespace TruthGraph.Api.Performance;

/// <summary>
/// Turns a profile's measurements into findings and advice. Every finding quotes the numbers it rests on (and lists
/// them in <see cref="PerfRecommendation.Basis"/>); a rule that has no measurement to stand on says nothing.
/// </summary>
public static class BottleneckAdvisor
{
    public const double BudgetBytes = 1.5 * 1024 * 1024 * 1024;

    private static readonly Dictionary<string, string> StageAdvice = new()
    {
        ["embed"] = "Embedding the claim is the largest stage: an INT8 encoder or a GPU shortens it, and /api/verify/batch shares one embedding call among many claims.",
        ["retrieve"] = "Retrieval is the largest stage: check that the HNSW index is in use (GET /api/status) and that top-k is no larger than needed.",
        ["nli"] = "NLI is the largest stage: a cross-encoder pays one encoder pass per pair, so top-k multiplies its cost; a GPU or a smaller k shortens it.",
        ["aggregate"] = "Aggregation is the largest stage, which it should never be: look at the hot frames of a profile for the cause.",
        ["database"] = "The database is the largest stage: the corpus-version read and the verification insert are one round trip each; check PostgreSQL's latency and load.",
        ["overhead"] = "Time outside the stages is the largest part: validation, cache lookups and scheduling; a busy machine shows up here first.",
    };

    public static IReadOnlyList<PerfRecommendation> Advise(IReadOnlyList<ModelProfile> models, IReadOnlyList<StageSummary> stages, int verifyCalls,
        SamplingReport? sampling, ProcessMemory inference)
    {
        var advice = new List<PerfRecommendation>();
        if (stages.Count > 0 && stages.MaxBy(s => s.Share) is { } top)
        {
            var total = stages.Sum(s => s.MeanMs);
            advice.Add(new PerfRecommendation("verify", F($"{Title(top.Stage)} is {100 * top.Share:F0}% of verify time (mean {top.MeanMs:F1} of {total:F1} ms over {verifyCalls} claims)"),
                StageAdvice[top.Stage], stages.ToDictionary(s => s.Stage + "Share", s => s.Share)));
        }
        foreach (var model in models)
        {
            AdviseBatchSize(model, advice);
            AdviseBatching(model, advice);
            AdviseAllocations(model, advice);
        }
        if (sampling is not null)
        {
            AdviseHotFrames(sampling, advice);
        }
        if (inference.WorkingSetBytes > 0.8 * BudgetBytes)
        {
            advice.Add(new PerfRecommendation("memory", F($"The inference service uses {inference.WorkingSetBytes / 1048576.0:F0} MiB, {100 * inference.WorkingSetBytes / BudgetBytes:F0}% of the 1.5 GiB budget"),
                "Unload models that are not in use (POST /v1/models/{id}/unload), keep batch sizes at a sweep's recommendation, or warm up only the models the pipeline uses (Inference:WarmUpModels).",
                new Dictionary<string, double> { ["inferenceWorkingSetMiB"] = Math.Round(inference.WorkingSetBytes / 1048576.0, 1) }));
        }
        return advice;
    }

    // "batch 32 gives 1.4× batch 8": the profile measured the model's batch size and its neighbours.
    private static void AdviseBatchSize(ModelProfile model, List<PerfRecommendation> advice)
    {
        var batches = model.Components.Where(c => c.Component.StartsWith("batch inference", StringComparison.Ordinal) && c.ItemsPerSecond > 0).ToList();
        var current = batches.FirstOrDefault(c => c.BatchSize == model.BatchSize);
        var best = batches.MaxBy(c => c.ItemsPerSecond);
        if (current is null || best is null || best == current || best.ItemsPerSecond < 1.1 * current.ItemsPerSecond)
        {
            return;
        }
        var ratio = best.ItemsPerSecond!.Value / current.ItemsPerSecond!.Value;
        advice.Add(new PerfRecommendation("batch size",
            F($"For {model.Model}, batch {best.BatchSize} gives {ratio:F2}× batch {current.BatchSize} ({best.ItemsPerSecond:F1} vs {current.ItemsPerSecond:F1} {model.Unit}/s)"),
            F($"Run a sweep of {model.Model} (POST /api/sweeps) and apply its recommendation; the profile measured only batch {model.BatchSize} and its neighbours."),
            new Dictionary<string, double>
            {
                [F($"batch{best.BatchSize}ItemsPerSecond")] = best.ItemsPerSecond.Value,
                [F($"batch{current.BatchSize}ItemsPerSecond")] = current.ItemsPerSecond.Value,
                ["ratio"] = Math.Round(ratio, 3),
            }));
    }

    private static void AdviseBatching(ModelProfile model, List<PerfRecommendation> advice)
    {
        var single = model.Components.FirstOrDefault(c => c.Component == "single inference");
        var batch = model.Components.FirstOrDefault(c => c.Component == "batch inference");
        if (single?.ItemsPerSecond is not > 0 || batch?.ItemsPerSecond is not > 0)
        {
            return;
        }
        var ratio = batch.ItemsPerSecond.Value / single.ItemsPerSecond.Value;
        if (ratio < 1.5)
        {
            return;
        }
        advice.Add(new PerfRecommendation("batching",
            F($"Batched calls of {model.Model} are {ratio:F1}× faster per item than single ones ({batch.ItemsPerSecond:F1} vs {single.ItemsPerSecond:F1} {model.Unit}/s)"),
            "Keep micro-batching on for concurrent callers, and send items together where the caller can (ingestion batches, /api/verify/batch).",
            new Dictionary<string, double>
            {
                ["batchItemsPerSecond"] = batch.ItemsPerSecond.Value, ["singleItemsPerSecond"] = single.ItemsPerSecond.Value, ["ratio"] = Math.Round(ratio, 3),
            }));
    }

    private static void AdviseAllocations(ModelProfile model, List<PerfRecommendation> advice)
    {
        var batch = model.Components.FirstOrDefault(c => c.Component == "batch inference");
        if (batch is null || batch.Items == 0)
        {
            return;
        }
        var perItem = batch.Usage.AllocatedBytes / (double)batch.Items;
        if (batch.Usage.Gen2Collections == 0 && perItem < 256 * 1024)
        {
            return;
        }
        advice.Add(new PerfRecommendation("allocations",
            F($"{model.Model} allocates {perItem / 1024:F0} KiB per {Singular(model.Unit)} in batch inference, with {batch.Usage.Gen2Collections} gen-2 collections in {batch.Usage.WallMs / 1000:F1} s"),
            "Large per-item buffers (input tensors, outputs) are worth pooling; gen-2 collections pause every request.",
            new Dictionary<string, double> { ["allocatedBytesPerItem"] = Math.Round(perItem), ["gen2Collections"] = batch.Usage.Gen2Collections }));
    }

    private static void AdviseHotFrames(SamplingReport sampling, List<PerfRecommendation> advice)
    {
        if (sampling.HotFrames.FirstOrDefault() is { } hottest && hottest.Module.StartsWith("Microsoft.ML.OnnxRuntime", StringComparison.Ordinal))
        {
            advice.Add(new PerfRecommendation("hot path",
                F($"{hottest.ExclusivePercent:F0}% of the busy samples are inside ONNX Runtime ({Short(hottest.Frame)})"),
                "The models themselves are the cost, not the code around them: INT8 weights, a smaller model or a GPU help; managed tuning will not.",
                new Dictionary<string, double> { ["onnxRuntimeSelfPercent"] = hottest.ExclusivePercent, ["busySamples"] = sampling.BusySamples }));
        }
        if (sampling.HotFrames.FirstOrDefault(f => f.IsTruthGraph && f.ExclusivePercent >= 5) is { } ours)
        {
            advice.Add(new PerfRecommendation("hot path",
                F($"{ours.ExclusivePercent:F0}% of the busy samples are spent in {Short(ours.Frame)} itself"),
                "This managed code is a hot path of its own: look at it in the speedscope file (left-heavy view) for copies or allocations to remove.",
                new Dictionary<string, double> { ["selfPercent"] = ours.ExclusivePercent, ["inclusivePercent"] = ours.InclusivePercent }));
        }
    }

    /// <summary>"Namespace.Type.Method(arguments)" → "Type.Method".</summary>
    public static string Short(string frame)
    {
        var name = frame.Split('(')[0];
        var parts = name.Split('.');
        return parts.Length >= 2 ? $"{parts[^2]}.{parts[^1]}" : name;
    }

    private static string Title(string stage) => stage switch { "nli" => "NLI", "embed" => "Embedding", _ => char.ToUpperInvariant(stage[0]) + stage[1..] };

    private static string Singular(string unit) => unit == "pairs" ? "pair" : "text";

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
