namespace TruthGraph.Inference.Profiling;

/// <summary>
/// Samples the process working set (and GPU memory, where there is a GPU) every few milliseconds on a thread of its
/// own while a measurement runs, keeping the peaks: a single reading after the work would miss what ONNX Runtime
/// allocated and freed during it. <see cref="LimitCrossed"/> turns true as soon as the watched memory passes the limit.
/// </summary>
public sealed class MemoryWatch : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(5);
    private readonly GpuMemory _gpu;
    private readonly bool _limitOnGpu;
    private readonly long _limit;
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _peakWorkingSet;
    private long _peakGpu = -1;
    private volatile bool _crossed;

    /// <param name="limitBytes">Watched memory (GPU memory when <paramref name="limitOnGpu"/>, else the working set) that counts as crossing.</param>
    public MemoryWatch(GpuMemory gpu, bool limitOnGpu, long limitBytes)
    {
        _gpu = gpu;
        _limitOnGpu = limitOnGpu;
        _limit = limitBytes;
        Sample();
        _thread = new Thread(Run) { IsBackground = true, Name = "truthgraph memory watch", Priority = ThreadPriority.AboveNormal };
        _thread.Start();
    }

    public long PeakWorkingSetBytes => Interlocked.Read(ref _peakWorkingSet);

    public long? PeakGpuBytes => Interlocked.Read(ref _peakGpu) is var bytes and >= 0 ? bytes : null;

    /// <summary>The peak of the memory the limit applies to.</summary>
    public long PeakWatchedBytes => _limitOnGpu ? PeakGpuBytes ?? PeakWorkingSetBytes : PeakWorkingSetBytes;

    public bool LimitCrossed => _crossed;

    private void Run()
    {
        while (!_stop)
        {
            Thread.Sleep(Interval);
            Sample();
        }
    }

    private void Sample()
    {
        var workingSet = Environment.WorkingSet;
        if (workingSet > Interlocked.Read(ref _peakWorkingSet))
        {
            Interlocked.Exchange(ref _peakWorkingSet, workingSet);
        }
        if (_gpu.UsedBytes() is { } gpu && gpu > Interlocked.Read(ref _peakGpu))
        {
            Interlocked.Exchange(ref _peakGpu, gpu);
        }
        if (PeakWatchedBytes > _limit)
        {
            _crossed = true;
        }
    }

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
        Sample();
    }
}
