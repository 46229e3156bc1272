namespace TruthGraph.Api.Benchmark.Load;

/// <summary>Per-request outcomes of one client; merged at the end, so the hot loop takes no lock.</summary>
public sealed class LatencyRecorder
{
    private const int KeptErrorSamples = 5;

    public List<double> SuccessMilliseconds { get; } = new(4096);
    public Dictionary<string, int> Errors { get; } = new(StringComparer.Ordinal);
    public List<string> ErrorSamples { get; } = [];
    public long CachedAnswers { get; set; }

    public void Success(double milliseconds, bool cached)
    {
        SuccessMilliseconds.Add(milliseconds);
        if (cached)
        {
            CachedAnswers++;
        }
    }

    public void Error(string kind, string sample)
    {
        Errors[kind] = Errors.GetValueOrDefault(kind) + 1;
        if (ErrorSamples.Count < KeptErrorSamples)
        {
            ErrorSamples.Add($"{kind}: {sample}");
        }
    }
}
