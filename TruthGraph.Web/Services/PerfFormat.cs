using System.Globalization;

namespace TruthGraph.Web.Services;

/// <summary>How the Performance page writes times, durations, sizes and rates.</summary>
public static class PerfFormat
{
    public static string When(DateTimeOffset at) =>
        at.ToLocalTime().ToString(at.Date == DateTimeOffset.Now.Date ? "HH:mm:ss" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Duration(double seconds) => seconds < 60
        ? seconds.ToString("0.0 's'", CultureInfo.InvariantCulture)
        : $"{Math.Floor(seconds / 60):0} min {seconds % 60:00} s";

    public static string MiB(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("N0", CultureInfo.InvariantCulture) + " MiB";

    public static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);

    /// <summary>A target's measured value or bound in its unit: MiB and rates without decimals, milliseconds with one.</summary>
    public static string Value(double value, string unit) =>
        value.ToString(unit == "ms" ? "0.0" : "N0", CultureInfo.InvariantCulture) + " " + unit;
}
