using System.Text;
using System.Text.RegularExpressions;

namespace TruthGraph.CrossEncoderTraining.Native;

/// <summary>The <c>GLIBCXX_*</c> symbol versions that the libstdc++ this process already uses defines.</summary>
public static partial class LibStdCxxVersions
{
    public static IReadOnlySet<string> Provided()
    {
        // The .NET host is C++ and has libstdc++ mapped already: that file is the one the bridge would bind to.
        var path = File.ReadLines("/proc/self/maps")
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault())
            .FirstOrDefault(p => p is not null && Path.GetFileName(p).StartsWith("libstdc++.so", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("libstdc++ is not mapped into this process; cannot tell which GLIBCXX versions it has.");
        // The version names sit in .dynstr as plain strings; reading them is enough to know what is defined.
        var text = Encoding.Latin1.GetString(File.ReadAllBytes(path));
        return VersionName().Matches(text).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"GLIBCXX_\d+(\.\d+)*")]
    private static partial Regex VersionName();
}
