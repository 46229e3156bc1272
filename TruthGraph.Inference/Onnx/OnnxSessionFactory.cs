using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using SessionOptions = Microsoft.ML.OnnxRuntime.SessionOptions;

namespace TruthGraph.Inference.Onnx;

/// <summary>Where a model's sessions run, and why there (the CUDA failure message when it fell back).</summary>
public sealed record DeviceInfo(string Device, string Reason)
{
    public bool IsCuda => Device == "cuda";
}

/// <summary>Settings for the sessions of one model.</summary>
public sealed record SessionSettings(string RequestedDevice, int CudaDeviceId, int IntraOpThreads, bool GraphOptimization, bool AllowSpinning = false);

/// <summary>
/// Creates ONNX Runtime sessions on the requested device. <c>GetAvailableProviders()</c> lists CUDA even where its
/// libraries cannot load, so the only reliable probe is to try: a failure is caught, kept as the reason, and the
/// session is created again on the CPU.
/// </summary>
public static class OnnxSessionFactory
{
    public static (InferenceSession Session, DeviceInfo Device) Create(byte[] model, SessionSettings settings)
    {
        var requested = settings.RequestedDevice.Trim().ToLowerInvariant();
        if (requested is not ("auto" or "cuda" or "cpu"))
        {
            throw new InvalidOperationException($"Inference:Device must be auto, cuda or cpu, not '{settings.RequestedDevice}'.");
        }
        if (requested == "cpu")
        {
            return (new InferenceSession(model, CpuOptions(settings)), new DeviceInfo("cpu", "Inference:Device=cpu"));
        }

        // With "auto", a machine whose CUDA libraries are missing is told so by the dynamic loader at no cost; trying
        // the provider anyway would only make ONNX Runtime log an error line for every session.
        if (requested == "auto" && MissingLibrary() is { Length: > 0 } missing)
        {
            return (new InferenceSession(model, CpuOptions(settings)),
                new DeviceInfo("cpu", $"Inference:Device=auto, but the CUDA execution provider cannot load here, so the CPU runs the model{missing}"));
        }

        SessionOptions? cudaOptions = null;
        try
        {
            cudaOptions = BaseOptions(settings);
            cudaOptions.AppendExecutionProvider_CUDA(settings.CudaDeviceId);
            var session = new InferenceSession(model, cudaOptions);
            return (session, new DeviceInfo("cuda", $"Inference:Device={requested}: CUDA execution provider on device {settings.CudaDeviceId}"));
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException or TypeInitializationException)
        {
            cudaOptions?.Dispose();
            var reason = $"Inference:Device={requested}, but the CUDA execution provider failed, so the CPU runs the model: {FirstLine(ex.Message)}{MissingLibrary()}";
            return (new InferenceSession(model, CpuOptions(settings)), new DeviceInfo("cpu", reason));
        }
    }

    /// <summary>
    /// True when the CUDA provider cannot load here (its library is absent or its dependencies are missing), so
    /// <c>auto</c> will run on the CPU; asked once per process, it costs one dlopen.
    /// </summary>
    public static bool CudaUnavailable() => CudaUnavailableOnce.Value;

    private static readonly Lazy<bool> CudaUnavailableOnce = new(() =>
        !OperatingSystem.IsLinux()
        || !File.Exists(Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libonnxruntime_providers_cuda.so"))
        || MissingLibrary().Length > 0);

    private static SessionOptions CpuOptions(SessionSettings settings) => BaseOptions(settings);

    private static SessionOptions BaseOptions(SessionSettings settings)
    {
        var options = new SessionOptions
        {
            GraphOptimizationLevel = settings.GraphOptimization
                ? GraphOptimizationLevel.ORT_ENABLE_ALL
                : GraphOptimizationLevel.ORT_DISABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = settings.IntraOpThreads,
            InterOpNumThreads = 1,
        };
        // Spinning threads steal cores from the other sessions and from the web server on a small or shared machine.
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", settings.AllowSpinning ? "1" : "0");
        return options;
    }

    // ORT's exception only says "Failed to load shared library"; the loader's own message names what is missing
    // (libcublasLt.so.13, libcudnn.so.9, ...), which is what an operator needs to fix it.
    private static string MissingLibrary()
    {
        var provider = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libonnxruntime_providers_cuda.so");
        if (!OperatingSystem.IsLinux() || !File.Exists(provider))
        {
            return "";
        }
        try
        {
            NativeLibrary.Free(NativeLibrary.Load(provider));
            return "";
        }
        catch (DllNotFoundException ex)
        {
            // .NET's first line is boilerplate; the dynamic loader's own words come last.
            var loader = ex.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            return string.IsNullOrEmpty(loader) ? "" : $" ({FirstLine(loader)})";
        }
    }

    private static string FirstLine(string message)
    {
        var line = message.Split('\n', 2)[0].Trim();
        return line.Length > 400 ? line[..400] + "…" : line;
    }
}
