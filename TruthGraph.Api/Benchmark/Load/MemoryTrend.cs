namespace TruthGraph.Api.Benchmark.Load;

/// <summary>Working set of one process over a measured run, and its trend: the least-squares slope, and the growth of that line over the run.</summary>
public sealed record MemoryTrend(int ProcessId, string Name, int Samples, double StartMb, double EndMb, double MinMb, double MaxMb,
    double SlopeMbPerMinute, double FittedGrowthMb, IReadOnlyList<double[]> Series)
{
    public static MemoryTrend From(int processId, string name, IReadOnlyList<(double Seconds, double Mb)> samples)
    {
        if (samples.Count == 0)
        {
            return new MemoryTrend(processId, name, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, []);
        }
        var slopePerSecond = Slope(samples);
        var span = samples.Count > 1 ? samples[^1].Seconds - samples[0].Seconds : 0;
        return new MemoryTrend(processId, name, samples.Count, samples[0].Mb, samples[^1].Mb, samples.Min(s => s.Mb), samples.Max(s => s.Mb),
            slopePerSecond * 60, slopePerSecond * span, samples.Select(p => new[] { Math.Round(p.Seconds, 2), Math.Round(p.Mb, 1) }).ToList());
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
