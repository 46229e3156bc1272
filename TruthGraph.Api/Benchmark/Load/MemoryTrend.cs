namespace TruthGraph.Api.Benchmark.Load;

/// <summary>
/// Working set of one process over a run, and its trend: the least-squares slope after the warm-up share of the run
/// (JIT, connection pools and caches filling are expected to grow memory at the start).
/// </summary>
public sealed record MemoryTrend(int ProcessId, string Name, int Samples, double StartMb, double EndMb, double MinMb, double MaxMb,
    double SlopeMbPerMinute, double FittedGrowthMb)
{
    public const double WarmUpShare = 0.2;

    public static MemoryTrend From(int processId, string name, IReadOnlyList<(double Seconds, double Mb)> samples)
    {
        if (samples.Count == 0)
        {
            return new MemoryTrend(processId, name, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        var steady = samples.Skip((int)(samples.Count * WarmUpShare)).ToList();
        var slopePerSecond = Slope(steady);
        var span = steady.Count > 1 ? steady[^1].Seconds - steady[0].Seconds : 0;
        return new MemoryTrend(processId, name, samples.Count, samples[0].Mb, samples[^1].Mb, samples.Min(s => s.Mb), samples.Max(s => s.Mb),
            slopePerSecond * 60, slopePerSecond * span);
    }

    private static double Slope(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count < 2)
        {
            return 0;
        }
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        var covariance = points.Sum(p => (p.X - meanX) * (p.Y - meanY));
        var variance = points.Sum(p => (p.X - meanX) * (p.X - meanX));
        return variance == 0 ? 0 : covariance / variance;
    }
}
