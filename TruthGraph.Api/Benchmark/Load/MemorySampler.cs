namespace TruthGraph.Api.Benchmark.Load;

/// <summary>Samples the working set of a few processes on a timer until stopped.</summary>
public sealed class MemorySampler
{
    private readonly Dictionary<int, List<(double Seconds, double Mb)>> _samples;
    private readonly Dictionary<int, string> _names = [];

    public MemorySampler(IReadOnlyList<int> processIds) => _samples = processIds.Distinct().ToDictionary(id => id, _ => new List<(double, double)>());

    public async Task RunAsync(TimeSpan interval, CancellationToken stop)
    {
        if (_samples.Count == 0)
        {
            return;
        }
        var clock = Stopwatch.StartNew();
        using var timer = new PeriodicTimer(interval);
        do
        {
            foreach (var (id, series) in _samples)
            {
                try
                {
                    using var process = Process.GetProcessById(id);
                    _names.TryAdd(id, process.ProcessName);
                    series.Add((clock.Elapsed.TotalSeconds, process.WorkingSet64 / (1024.0 * 1024.0)));
                }
                catch (ArgumentException)
                {
                    // The process has exited: its series just ends.
                }
            }
        }
        while (await WaitAsync(timer, stop));
    }

    public IReadOnlyList<MemoryTrend> Trends() =>
        _samples.Select(s => MemoryTrend.From(s.Key, _names.GetValueOrDefault(s.Key, "?"), s.Value)).ToList();

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
