using System.Runtime.InteropServices;

namespace TruthGraph.Inference.Profiling;

/// <summary>
/// Used memory of one GPU through NVML (libnvidia-ml, installed with the NVIDIA driver). Where there is no driver,
/// or the model runs on the CPU, every reading is null and nothing is loaded twice.
/// </summary>
public sealed class GpuMemory
{
    private const string Library = "libnvidia-ml.so.1";
    private readonly Lazy<IntPtr> _device;

    /// <param name="deviceId">The CUDA device the models run on (Inference:CudaDeviceId).</param>
    public GpuMemory(int deviceId) => _device = new Lazy<IntPtr>(() => Open(deviceId));

    /// <summary>A reader that never reads: for models on the CPU.</summary>
    public static GpuMemory None { get; } = new(-1);

    public bool Available => _device.Value != IntPtr.Zero;

    public long? UsedBytes()
    {
        if (_device.Value == IntPtr.Zero)
        {
            return null;
        }
        return nvmlDeviceGetMemoryInfo(_device.Value, out var info) == 0 ? (long)info.Used : null;
    }

    public long? TotalBytes() =>
        _device.Value != IntPtr.Zero && nvmlDeviceGetMemoryInfo(_device.Value, out var info) == 0 ? (long)info.Total : null;

    private static IntPtr Open(int deviceId)
    {
        if (deviceId < 0 || !OperatingSystem.IsLinux())
        {
            return IntPtr.Zero;
        }
        try
        {
            return nvmlInit_v2() == 0 && nvmlDeviceGetHandleByIndex_v2((uint)deviceId, out var device) == 0 ? device : IntPtr.Zero;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return IntPtr.Zero;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct NvmlMemory
    {
        public ulong Total;
        public ulong Free;
        public ulong Used;
    }

    // DllImport, not LibraryImport: the generated stubs would need unsafe code for three calls on a rarely used path.
    [DllImport(Library)]
    private static extern int nvmlInit_v2();

    [DllImport(Library)]
    private static extern int nvmlDeviceGetHandleByIndex_v2(uint index, out IntPtr device);

    [DllImport(Library)]
    private static extern int nvmlDeviceGetMemoryInfo(IntPtr device, out NvmlMemory memory);
}
