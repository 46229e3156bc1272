namespace TruthGraph.Api.Performance;

/// <summary>The API process's working set, read every 50 ms while a run lasts; the peak is what a run reports.</summary>
public sealed class WorkingSetSampler : IDisposable
{
    private readonly Timer _timer;
    private long _peak = Environment.WorkingSet;

    public WorkingSetSampler() => _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(50));

    public long PeakBytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak);
        }
    }

    private void Sample()
    {
        var current = Environment.WorkingSet;
        long seen;
        while (current > (seen = Interlocked.Read(ref _peak)) && Interlocked.CompareExchange(ref _peak, current, seen) != seen)
        {
        }
    }

    public void Dispose() => _timer.Dispose();
}
