using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.ML.OnnxRuntime;

namespace TruthGraph.Inference.Onnx;

/// <summary>
/// Several sessions of one model. On two cores, two single-thread sessions running side by side beat one
/// two-thread session (the threads of one run wait on each other at every operator); callers borrow one per run.
/// </summary>
public sealed class SessionPool : IDisposable
{
    private readonly ConcurrentStack<InferenceSession> _idle;
    private readonly SemaphoreSlim _available;
    private readonly InferenceSession[] _all;
    private int _inFlight;
    private volatile bool _disposed;

    private SessionPool(InferenceSession[] sessions, DeviceInfo device, int intraOpThreads)
    {
        _all = sessions;
        _idle = new ConcurrentStack<InferenceSession>(sessions);
        _available = new SemaphoreSlim(sessions.Length, sessions.Length);
        Device = device;
        IntraOpThreads = intraOpThreads;
        InputNames = sessions[0].InputMetadata.Keys.ToHashSet(StringComparer.Ordinal);
        OutputNames = sessions[0].OutputMetadata.Keys.ToList();
    }

    public DeviceInfo Device { get; }
    public int Count => _all.Length;
    public int IntraOpThreads { get; }
    public IReadOnlySet<string> InputNames { get; }
    public IReadOnlyList<string> OutputNames { get; }

    /// <param name="sessions">Null: one per core on the CPU, one on CUDA.</param>
    /// <param name="intraOpThreads">Null: 1 with several sessions, else the core count.</param>
    public static SessionPool Create(byte[] model, string device, int cudaDeviceId, int? sessions, int? intraOpThreads, bool graphOptimization,
        bool allowSpinning)
    {
        var cores = Environment.ProcessorCount;
        int Threads(int count) => intraOpThreads ?? (count > 1 ? 1 : cores);
        var firstThreads = Threads(sessions ?? cores);
        var (first, info) = OnnxSessionFactory.Create(model, new SessionSettings(device, cudaDeviceId, firstThreads, graphOptimization, allowSpinning));
        var count = Math.Max(1, sessions ?? (info.IsCuda ? 1 : cores));
        var threads = Threads(count);
        var all = new InferenceSession[count];
        all[0] = first;
        try
        {
            for (var i = 1; i < count; i++)
            {
                // The rest follow the first session's device, so a CUDA failure is paid once.
                all[i] = OnnxSessionFactory.Create(model, new SessionSettings(info.Device, cudaDeviceId, threads, graphOptimization, allowSpinning)).Session;
            }
        }
        catch
        {
            foreach (var s in all) { s?.Dispose(); }
            throw;
        }
        return new SessionPool(all, info, threads);
    }

    /// <summary>Runs <paramref name="work"/> on an idle session, waiting for one if all are busy.</summary>
    public T Run<T>(Func<InferenceSession, T> work)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _available.Wait();
            _idle.TryPop(out var session);
            try
            {
                return work(session!);
            }
            finally
            {
                _idle.Push(session!);
                _available.Release();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>Waits for runs in progress (up to 30 s) before freeing native memory under them.</summary>
    public void Dispose()
    {
        _disposed = true;
        var clock = Stopwatch.StartNew();
        while (Volatile.Read(ref _inFlight) > 0 && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            Thread.Sleep(5);
        }
        foreach (var session in _all)
        {
            session.Dispose();
        }
        _available.Dispose();
    }
}
