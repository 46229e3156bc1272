using System.Runtime.InteropServices;

namespace TruthGraph.CrossEncoderTraining.Native;

/// <summary>
/// Loads TorchSharp's native bridge (<c>libLibTorchSharp.so</c>) before TorchSharp's first call, so that a failure
/// names its real cause instead of TorchSharp's misleading "doesn't contain a reference to libtorch-cpu" message.
/// </summary>
public static class LibTorchNative
{
    private const string BridgeFile = "libLibTorchSharp.so";
    private static readonly Lock Gate = new();
    private static bool _loaded;

    /// <summary>What happened on load, for the tool's log line: "loaded", or "loaded after marking … weak".</summary>
    public static string Status { get; private set; } = "not loaded";

    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            if (_loaded || !OperatingSystem.IsLinux())
            {
                // Elsewhere TorchSharp's own probing works; only Linux distributions with an older libstdc++ need help.
                _loaded = true;
                return;
            }
            var bridge = FindBridge();
            if (NativeLibrary.TryLoad(bridge, out _))
            {
                Status = "loaded";
                _loaded = true;
                return;
            }
            // The bridge is linked against GLIBCXX_3.4.32 (GCC 13) for a single symbol, std::ios_base's library
            // initialiser, that it never calls; Debian 12's libstdc++ stops at 3.4.30, so the dynamic loader refuses the
            // whole library. Marking the requirements this libstdc++ lacks as weak (ELF VER_FLG_WEAK) turns the refusal
            // into nothing (glibc skips weak version needs it cannot meet); symbols bind lazily, so the uncalled symbol
            // never has to be found. Only the tool's own copy in its output folder is changed, never the NuGet cache,
            // and nothing is changed where the library loads as shipped (Debian 13, Ubuntu 24.04).
            var provided = LibStdCxxVersions.Provided();
            var weakened = ElfVersionNeeds.MarkWeak(bridge, name => name.StartsWith("GLIBCXX_", StringComparison.Ordinal) && !provided.Contains(name));
            if (weakened.Count == 0 || !NativeLibrary.TryLoad(bridge, out _))
            {
                NativeLibrary.Load(bridge); // throws with the dynamic loader's own message
            }
            Status = $"loaded after marking {string.Join(", ", weakened)} weak in {bridge}";
            _loaded = true;
        }
    }

    private static string FindBridge()
    {
        string[] candidates =
        [
            Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", BridgeFile),
            Path.Combine(AppContext.BaseDirectory, BridgeFile),
        ];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{BridgeFile} is not in this program's output; is the libtorch-cpu-linux-x64 package referenced?");
    }
}
