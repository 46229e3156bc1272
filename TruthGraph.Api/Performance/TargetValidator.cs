namespace TruthGraph.Api.Performance;

/// <summary>Checks an e2e run's figures against its targets; a target left null is not checked.</summary>
public static class TargetValidator
{
    public static IReadOnlyList<TargetCheck> Check(PerfTargets targets, StageSummary total, ThroughputFigures throughput, MemoryFigures memory)
    {
        var checks = new List<TargetCheck>();
        void AtMost(string name, double? target, double measured, string unit)
        {
            if (target is { } t)
            {
                checks.Add(new TargetCheck(name, "≤", t, Math.Round(measured, 2), unit, measured <= t));
            }
        }
        void AtLeast(string name, double? target, double measured, string unit)
        {
            if (target is { } t)
            {
                checks.Add(new TargetCheck(name, "≥", t, Math.Round(measured, 2), unit, measured >= t));
            }
        }
        AtMost("verify p50", targets.VerifyP50Ms, total.MedianMs, "ms");
        AtMost("verify p95", targets.VerifyP95Ms, total.P95Ms, "ms");
        AtLeast("embedding throughput", targets.EmbeddingTextsPerSecond, throughput.EmbeddingTextsPerSecond, "texts/s");
        AtLeast($"NLI throughput ({throughput.NliModel})", targets.NliPairsPerSecond, throughput.NliPairsPerSecond, "pairs/s");
        AtMost("memory, API + inference", targets.MemoryMiB, memory.TotalBytes / 1048576.0, "MiB");
        return checks;
    }
}
