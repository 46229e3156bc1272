using System.Globalization;

namespace TruthGraph.ServiceDefaults.Diagnostics;

/// <summary>
/// The machine's one-minute load average (Linux <c>/proc/loadavg</c>; null elsewhere). Reported with every performance job and sweep: a
/// load above the core count means other work shared the cores, and the figures are not the machine's capability.
/// </summary>
public static class MachineLoad
{
    public static double? OneMinute()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            return double.TryParse(text.Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load) ? load : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
