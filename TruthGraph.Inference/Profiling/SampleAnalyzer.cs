using Microsoft.Diagnostics.Symbols;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Stacks;
using Microsoft.Diagnostics.Tracing.Stacks.Formats;

namespace TruthGraph.Inference.Profiling;

/// <summary>
/// Reads a .nettrace of sampled stacks (TraceEvent), writes it as speedscope JSON, and ranks the hottest frames.
/// Only busy samples count: a thread parked in a wait (idle thread-pool workers, timers, loggers, sockets) is sampled
/// every millisecond too and would otherwise outrank the work. The sampler sees managed frames only and cannot tell
/// a thread computing in native code from one blocked in the kernel, so a sample counts as busy when managed code
/// runs (and is not spinning), or when the thread is in ONNX Runtime, the one native library here that computes.
/// The sampler's own cost (event sources building their manifests when the session starts, the memory watch) is
/// left out. ONNX Runtime's time shows as self time of the managed method that called into it.
/// </summary>
public static class SampleAnalyzer
{
    private const string Unresolved = "?!?";
    private static readonly string[] PseudoFrames = ["CPU_TIME", "BLOCKED_TIME", "UNMANAGED_CODE_TIME", "BROKEN", "Threads", "(Non-Activities)"];

    // Native code that computes: a thread in it works, whatever the sampler calls its state.
    private const string NativeComputeModule = "Microsoft.ML.OnnxRuntime!";

    // A sample whose innermost named frame is one of these is a thread waiting for work, not doing it.
    private static readonly string[] IdleFrames =
    [
        "LowLevelLifoSemaphore", "LowLevelSpinWaiter", "LowLevelMonitor", "Monitor.Wait", "WaitHandle.Wait", "WaitOneCore", "WaitOneNoCheck",
        "WaitMultiple", "WaitAnyMultiple", "Thread.Sleep", "Thread.Join", "SemaphoreSlim.Wait", "ManualResetEventSlim.Wait", "SpinWait.SpinOnce",
        "Thread.SpinWait", "Thread.Yield", "Task.SpinThenBlockingWait", "Task.InternalWaitCore", "SocketAsyncEngine.EventLoop", "Interop+Sys.Poll",
        "Interop+Sys.Read", "Interop+Sys.WaitPid", "Interop+Sys.WaitForSocketEvents", "TimerQueue.TimerThread", "GateThread", "WaitThread.WaitThreadStart",
        "WorkerThread.WorkerThreadStart",
    ];

    // Samples in these are the sampler and the profiler's own bookkeeping, not the workload.
    private static readonly string[] ProfilerFrames =
    [
        "System.Diagnostics.Tracing.EventSource", "System.Diagnostics.Tracing.EventPipe", "Microsoft.Diagnostics.NETCore.Client",
        "TruthGraph.Inference.Profiling.MemoryWatch", "TruthGraph.Inference.Profiling.EventPipeRecorder",
    ];

    // Frames every thread or continuation passes through: always 'hot', never informative.
    private static readonly string[] PlumbingFrames =
    [
        "Thread.StartCallback", "Thread+StartHelper", "ExecutionContext.Run", "ThreadPoolWorkQueue.Dispatch", "System.Runtime.CompilerServices.",
        "System.Threading.Tasks.", "ThreadPoolTypedWorkItemQueue", "PortableThreadPool+WorkerThread",
    ];

    public static SamplingReport Analyze(string nettracePath, string speedscopePath, double seconds, int top = 20)
    {
        var etlx = TraceLog.CreateFromEventPipeDataFile(nettracePath);
        try
        {
            using var log = new TraceLog(etlx);
            var stacks = new MutableTraceEventStackSource(log);
            new SampleProfilerThreadTimeComputer(log, new SymbolReader(TextWriter.Null)).GenerateThreadTimeStacks(stacks);
            SpeedScopeStackSourceWriter.WriteStackViewAsJson(stacks, speedscopePath);

            var inclusive = new Dictionary<string, double>(StringComparer.Ordinal);
            var exclusive = new Dictionary<string, double>(StringComparer.Ordinal);
            double all = 0, busy = 0, profiler = 0;
            var frames = new List<string>();
            stacks.ForEach(sample =>
            {
                all += sample.Metric;
                frames.Clear();
                var running = false;
                for (var index = sample.StackIndex; index != StackSourceCallStackIndex.Invalid; index = stacks.GetCallerIndex(index))
                {
                    var name = stacks.GetFrameName(stacks.GetFrameIndex(index), false);
                    running |= name == "CPU_TIME";
                    if (!IsPseudo(name) && name != Unresolved)
                    {
                        frames.Add(name);
                    }
                }
                var working = frames.Count > 0
                              && (running ? !Matches(frames[0], IdleFrames) : frames[0].StartsWith(NativeComputeModule, StringComparison.Ordinal));
                if (!working)
                {
                    return;
                }
                if (frames.Any(f => Matches(f, ProfilerFrames)))
                {
                    profiler += sample.Metric;
                    return;
                }
                busy += sample.Metric;
                exclusive[frames[0]] = exclusive.GetValueOrDefault(frames[0]) + sample.Metric;
                foreach (var frame in frames.Distinct(StringComparer.Ordinal))
                {
                    inclusive[frame] = inclusive.GetValueOrDefault(frame) + sample.Metric;
                }
            });

            var hotFrames = exclusive.OrderByDescending(f => f.Value).Take(top)
                .Select(f => ToHotFrame(f.Key, inclusive[f.Key], f.Value, busy)).ToList();
            var hotPaths = inclusive.Where(f => !Matches(f.Key, PlumbingFrames))
                .OrderByDescending(f => f.Value).ThenByDescending(f => exclusive.GetValueOrDefault(f.Key)).Take(top)
                .Select(f => ToHotFrame(f.Key, f.Value, exclusive.GetValueOrDefault(f.Key), busy)).ToList();
            return new SamplingReport(Path.GetFileName(nettracePath), Path.GetFileName(speedscopePath), new FileInfo(nettracePath).Length,
                new FileInfo(speedscopePath).Length, Math.Round(seconds, 2), (int)all, (int)busy, (int)profiler, hotFrames, hotPaths);
        }
        finally
        {
            File.Delete(etlx);
        }
    }

    private static HotFrame ToHotFrame(string frame, double inclusive, double exclusive, double busy)
    {
        // TraceEvent names a frame "Module!Namespace.Type.Method(arguments)".
        var bang = frame.IndexOf('!');
        var module = bang > 0 ? frame[..bang] : "";
        var method = bang > 0 ? frame[(bang + 1)..] : frame;
        return new HotFrame(method, module, Math.Round(100 * inclusive / Math.Max(1, busy), 2), Math.Round(100 * exclusive / Math.Max(1, busy), 2),
            method.StartsWith("TruthGraph.", StringComparison.Ordinal));
    }

    private static bool IsPseudo(string frame) =>
        PseudoFrames.Contains(frame) || frame.StartsWith("Process", StringComparison.Ordinal) || frame.StartsWith("Thread (", StringComparison.Ordinal);

    private static bool Matches(string frame, string[] patterns) => patterns.Any(p => frame.Contains(p, StringComparison.Ordinal));
}
