using System.Globalization;

namespace TruthGraph.EndToEndTests;

/// <summary>Stops and starts a resource of a running AppHost the way the Aspire dashboard's buttons do, and reads its process id.</summary>
public static class ResourceControl
{
    /// <summary>States in which a resource still has (or is about to have) a process.</summary>
    private static readonly string[] Alive = ["Running", "Starting", "Stopping", "Waiting", "RuntimeUnhealthy", "NotStarted"];

    public static async Task StopAsync(this DistributedApplication app, string resource, CancellationToken cancellationToken)
    {
        await app.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand, cancellationToken);
        // The state a stopped resource reports varies (Exited, Finished, sometimes Unknown): wait for "not alive".
        await app.ResourceNotifications.WaitForResourceAsync(resource, e => e.Snapshot.State?.Text is not { } state || !Alive.Contains(state),
            cancellationToken);
    }

    /// <summary>Starts the resource and waits until it runs (not until it is healthy: a test may expect it never to be).</summary>
    public static async Task StartAsync(this DistributedApplication app, string resource, CancellationToken cancellationToken)
    {
        await app.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand, cancellationToken);
        await app.ResourceNotifications.WaitForResourceAsync(resource, KnownResourceStates.Running, cancellationToken);
    }

    /// <summary>
    /// Stops a resource, runs <paramref name="whileStopped"/> (given the stop time), starts the resource again and waits
    /// until it is healthy. The resource is put back even when something fails on the way.
    /// </summary>
    public static async Task<OutageTimes> DuringOutageAsync(this DistributedApplication app, string resource, Stopwatch clock,
        Func<double, Task> whileStopped, CancellationToken cancellationToken)
    {
        try
        {
            await app.StopAsync(resource, cancellationToken);
            var stoppedAt = clock.Elapsed.TotalSeconds;
            await whileStopped(stoppedAt);
            await app.StartAsync(resource, cancellationToken);
            var restartedAt = clock.Elapsed.TotalSeconds;
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellationToken);
            return new OutageTimes(stoppedAt, restartedAt, clock.Elapsed.TotalSeconds);
        }
        finally
        {
            await app.EnsureRunningAsync(resource);
        }
    }

    /// <summary>Puts a stopped resource back (in a test's finally block), so that one failed test does not fail the next ones.</summary>
    public static async Task EnsureRunningAsync(this DistributedApplication app, string resource)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        if (!app.ResourceNotifications.TryGetCurrentState(resource, out var current) || current.Snapshot.State?.Text != KnownResourceStates.Running)
        {
            await app.StartAsync(resource, cts.Token);
        }
        await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cts.Token);
    }

    /// <summary>
    /// The operating-system process of a running project resource. DCP starts projects with <c>dotnet run</c> and
    /// reports that launcher's id; the service is its child, so the child is returned when there is one.
    /// </summary>
    public static int? ProcessId(this DistributedApplication app, string resource)
    {
        if (!app.ResourceNotifications.TryGetCurrentState(resource, out var current)
            || current.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is not { } value)
        {
            return null;
        }
        var launcher = Convert.ToInt32(value, CultureInfo.InvariantCulture);
        var children = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ParentOf(pid) == launcher)
            .ToList();
        return children.Count == 1 ? children[0] : launcher;
    }

    private static int? ParentOf(int pid)
    {
        try
        {
            // /proc/<pid>/stat: "pid (name) state ppid ..."; the name may hold spaces, so read after its closing parenthesis.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}

/// <summary>When an outage's resource stopped, was started again and was healthy again, in seconds on the test's clock.</summary>
public sealed record OutageTimes(double StoppedAt, double RestartedAt, double HealthyAt);
