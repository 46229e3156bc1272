using System.Runtime.CompilerServices;
using TruthGraph.CrossEncoderTraining.Native;

namespace TruthGraph.CrossEncoderTraining.Tests;

internal static class NativeSetup
{
    /// <summary>
    /// Before any test: TorchSharp's static constructor runs once, and if it fails (the bridge not loadable yet) every
    /// later torch call in the process fails with it, whichever test happened to touch torch first.
    /// </summary>
    [ModuleInitializer]
    internal static void LoadLibTorch() => LibTorchNative.EnsureLoaded();
}
