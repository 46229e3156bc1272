using System.Globalization;
using Spectre.Console;

namespace TruthGraph.Api.Performance;

/// <summary>The perf command's closing tables, one layout per report kind.</summary>
public static class PerfTables
{
    public static void Render(IAnsiConsole console, object report)
    {
        switch (report)
        {
            case SweepReport sweep:
                Sweep(console, sweep);
                break;
            case ProfileJobReport profile:
                Profile(console, profile);
                break;
            case PerfRunReport run:
                PerfRun(console, run);
                break;
        }
    }

    private static void Sweep(IAnsiConsole console, SweepReport r)
    {
        var table = new Table().Title($"{r.Model} on {r.Device}: {r.WorkloadItems} {r.Unit}, {r.MeanWords:F1} words on average, {r.Sessions} session(s)")
            .AddColumns("batch", $"{r.Unit}/call", $"{r.Unit}/s", "p50 ms", "p95 ms", "peak MiB", "CPU ms/item", "");
        foreach (var s in r.Steps)
        {
            var note = s.CrossedLimit ? "crossed the memory limit" : s.BatchSize == r.Recommendation?.BatchSize ? "recommended" : s.BatchSize == r.BatchSizeBefore ? "current" : "";
            table.AddRow(I(s.BatchSize), I(s.ItemsPerCall), F(s.ItemsPerSecond), F(s.P50Ms), F(s.P95Ms), Mib(s.PeakMemoryBytes), F(s.CpuMsPerItem, "F2"), note);
        }
        console.Write(table);
        console.MarkupLineInterpolated($"memory: {r.MemoryMeasure}, baseline {Mib(r.BaselineMemoryBytes)} MiB, limit {Mib(r.MemoryLimitBytes)} MiB; {r.Seconds:F1} s{Load(r.LoadAverage, r.Cores)}");
        if (r.StopReason is not null)
        {
            console.MarkupLineInterpolated($"[yellow]stopped early:[/] {r.StopReason}");
        }
        console.MarkupLineInterpolated($"[bold]recommendation:[/] {r.Recommendation?.Justification ?? "none"}");
    }

    private static void Profile(IAnsiConsole console, ProfileJobReport r)
    {
        var components = new Table().Title("Components").AddColumns("model", "component", "batch", "calls", "items/s", "p50 ms", "p95 ms", "wall ms",
            "CPU ms", "alloc/item", "GC 0/1/2", "Δ working set MiB", "process");
        foreach (var c in r.Models.SelectMany(m => m.Components).Concat(r.Components))
        {
            components.AddRow(c.Model ?? "", c.Component, c.BatchSize is { } b ? I(b) : "", I(c.Calls), c.ItemsPerSecond is { } ips ? F(ips) : "",
                c.P50Ms is { } p50 ? F(p50, "F3") : "", c.P95Ms is { } p95 ? F(p95, "F3") : "", F(c.Usage.WallMs), F(c.Usage.CpuMs),
                c.AllocatedBytesPerItem is { } a ? $"{a / 1024.0:F1} KiB" : $"{c.Usage.AllocatedBytes / 1048576.0:F1} MiB",
                $"{c.Usage.Gen0Collections}/{c.Usage.Gen1Collections}/{c.Usage.Gen2Collections}", F(c.Usage.WorkingSetDeltaBytes / 1048576.0), c.Process);
        }
        console.Write(components);
        if (r.VerifyStages.Count > 0)
        {
            console.Write(Stages($"Verify, {r.VerifyCalls} claims", r.VerifyStages, null));
        }
        if (r.Sampling is { } sampling)
        {
            var hot = new Table().Title($"Hottest frames by self time ({sampling.BusySamples} busy of {sampling.Samples} samples, {sampling.Seconds:F1} s)")
                .AddColumns("self %", "total %", "frame");
            foreach (var f in sampling.HotFrames.Take(12))
            {
                hot.AddRow(F(f.ExclusivePercent), F(f.InclusivePercent), Markup.Escape(Trim(f.Module + "!" + f.Frame, 110)));
            }
            console.Write(hot);
        }
        console.MarkupLine("[bold]recommendations[/]");
        foreach (var advice in r.Recommendations)
        {
            console.MarkupLineInterpolated($"- [bold]{advice.Area}[/]: {advice.Finding}. {advice.Advice}");
        }
        foreach (var note in r.Notes)
        {
            console.MarkupLineInterpolated($"[yellow]note:[/] {note}");
        }
        console.MarkupLineInterpolated($"inference working set {Mib(r.InferenceMemory.WorkingSetBytes)} MiB (peak {Mib(r.InferenceMemory.PeakWorkingSetBytes)}), API {Mib(r.ApiWorkingSetBytes)} MiB; {r.Seconds:F1} s{Load(r.LoadAverage, r.Cores)}");
    }

    private static void PerfRun(IAnsiConsole console, PerfRunReport r)
    {
        console.Write(Stages($"Verify: {r.Claims} claims × {r.Repetitions}, k = {r.TopK} ({r.EvidencePerClaim:F1} evidence per claim), {r.EmbeddingModel} + {r.NliModel} on {r.Device}",
            r.Stages, r.Total));
        var c = r.Consistency;
        console.MarkupLineInterpolated($"stages add up to {F(c.StagesTotalMs)} ms against {F(c.WallMs)} ms on the clock: {F(c.DifferencePercent, "F2")}% apart ({(c.WithinFivePercent ? "within" : "outside")} 5%)");
        var t = r.Throughput;
        console.MarkupLineInterpolated($"throughput: embedding {F(t.EmbeddingTextsPerSecond)} texts/s ({t.EmbeddingTexts} texts), NLI {F(t.NliPairsPerSecond)} pairs/s ({t.NliPairs} pairs, {t.NliModel}); NLI inside verify {F(t.PipelineNliPairsPerSecond)} pairs/s");
        var m = r.Memory;
        console.MarkupLineInterpolated($"memory: API peak {Mib(m.ApiPeakWorkingSetBytes)} MiB + inference {Mib(m.InferenceWorkingSetBytes)} MiB = {Mib(m.TotalBytes)} MiB (inference peak since start {Mib(m.InferencePeakWorkingSetBytes)} MiB)");
        var targets = new Table().Title("Targets").AddColumns("target", "goal", "measured", "");
        foreach (var check in r.Targets)
        {
            targets.AddRow(Markup.Escape(check.Name), Markup.Escape($"{check.Comparison} {F(check.Target)} {check.Unit}"), $"{F(check.Measured)} {check.Unit}",
                check.Met ? "[green]met[/]" : "[red]missed[/]");
        }
        console.Write(targets);
        console.MarkupLineInterpolated($"{r.Calls} calls in {r.Seconds:F1} s{Load(r.LoadAverage, r.Cores)}");
    }

    private static Table Stages(string title, IReadOnlyList<StageSummary> stages, StageSummary? total)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumns("stage", "mean ms", "median ms", "p95 ms", "share");
        foreach (var s in stages)
        {
            table.AddRow(s.Stage, F(s.MeanMs, "F2"), F(s.MedianMs, "F2"), F(s.P95Ms, "F2"), $"{100 * s.Share:F1}%");
        }
        if (total is not null)
        {
            table.AddRow("[bold]total[/]", F(total.MeanMs, "F2"), F(total.MedianMs, "F2"), F(total.P95Ms, "F2"), "100%");
        }
        return table;
    }

    private static string Load(double? load, int cores) =>
        load is { } l ? $"; load average {l:F1} on {cores} cores{(l > cores ? " (shared machine: figures below its capability)" : "")}" : "";

    private static string Trim(string text, int length) => text.Length <= length ? text : text[..length] + "…";
    private static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
    private static string F(double value, string format = "F1") => value.ToString(format, CultureInfo.InvariantCulture);
    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("F0", CultureInfo.InvariantCulture);
}
