using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;

namespace TruthGraph.Inference.Profiling;

/// <summary>
/// CPU sampling of this very process through EventPipe (the runtime's diagnostics port, as dotnet-trace uses it):
/// the sample profiler (every thread's stack each millisecond) plus the runtime events that name the methods, written
/// to a .nettrace file while the recorder is open.
/// </summary>
public sealed class EventPipeRecorder : IAsyncDisposable
{
    // dotnet-trace's "cpu-sampling" profile: method load and JIT events resolve the sampled addresses to names.
    private const long RuntimeKeywords = 0x14C14FCCBD;

    private readonly EventPipeSession _session;
    private readonly Task _copy;
    private bool _stopped;

    private EventPipeRecorder(EventPipeSession session, Task copy, string path)
    {
        _session = session;
        _copy = copy;
        Path = path;
    }

    public string Path { get; }

    /// <exception cref="ServerNotAvailableException">The diagnostics port is off (DOTNET_EnableDiagnostics=0).</exception>
    public static EventPipeRecorder Start(string path)
    {
        var client = new DiagnosticsClient(Environment.ProcessId);
        EventPipeProvider[] providers =
        [
            new("Microsoft-DotNETCore-SampleProfiler", EventLevel.Informational),
            new("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, RuntimeKeywords),
        ];
        var session = client.StartEventPipeSession(providers, requestRundown: true, circularBufferMB: 256);
        var copy = Task.Run(async () =>
        {
            await using var file = File.Create(path);
            await session.EventStream.CopyToAsync(file);
        });
        return new EventPipeRecorder(session, copy, path);
    }

    /// <summary>Ends the session; the rundown (names of every loaded method) is written before the file closes.</summary>
    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        await _session.StopAsync(CancellationToken.None);
        await _copy;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            _session.Dispose();
        }
    }
}
