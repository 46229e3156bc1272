using System.ComponentModel;
using System.Diagnostics;

namespace Aspire.Hosting;

/// <summary>Asks the container runtime's CLI (<c>docker info</c>, or <c>$ASPIRE_CONTAINER_RUNTIME info</c>) whether an engine answers.</summary>
public static class ContainerRuntimeProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static (bool Healthy, string Detail) Probe()
    {
        var runtime = Environment.GetEnvironmentVariable("ASPIRE_CONTAINER_RUNTIME") ?? "docker";
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return (false, $"'{runtime}' could not be started");
            }
            _ = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                return (false, $"'{runtime} info' did not answer within {Timeout.TotalSeconds:0} s");
            }
            if (process.ExitCode == 0)
            {
                return (true, $"'{runtime} info' answered");
            }
            var firstError = stderr.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim();
            return (false, $"'{runtime} info' exited with {process.ExitCode}: {firstError ?? "no engine"}");
        }
        catch (Win32Exception)
        {
            return (false, $"no '{runtime}' command is installed");
        }
    }
}
