using TruthGraph.Inference.Onnx.Quantization;

namespace TruthGraph.Inference.Models;

/// <summary>The <c>Inference</c> configuration section.</summary>
public sealed class InferenceOptions
{
    /// <summary>Folder of <c>*.json</c> model manifests; relative paths resolve against the app's folder.</summary>
    public string ModelsDirectory { get; set; } = "models";

    /// <summary>
    /// Where pulled (<c>url</c>) weights and vocabularies live, one file per sha256; null uses the user's local app
    /// data (<see cref="ArtifactLoader.DefaultCacheDirectory"/>). Tests point it at a temporary folder.
    /// </summary>
    public string? ModelCacheDirectory { get; set; }

    public string ResolvedModelCacheDirectory => string.IsNullOrWhiteSpace(ModelCacheDirectory) ? ArtifactLoader.DefaultCacheDirectory : ModelCacheDirectory;

    /// <summary><c>auto</c> | <c>cuda</c> | <c>cpu</c>. auto and cuda try the CUDA execution provider and fall back to CPU.</summary>
    public string Device { get; set; } = "auto";

    public int CudaDeviceId { get; set; }

    /// <summary>Load every model (or <see cref="WarmUpModels"/>) at start-up; /health reports ready only afterwards.</summary>
    public bool WarmUp { get; set; } = true;

    /// <summary>Ids to warm up; empty means every catalogue model whose manifest does not opt out (<c>"warmUp": false</c>).</summary>
    public List<string> WarmUpModels { get; set; } = [];

    public int MaxTextsPerRequest { get; set; } = 2048;

    public int MaxCharactersPerText { get; set; } = 20_000;

    public OnnxOptions Onnx { get; set; } = new();

    public BatchingOptions Batching { get; set; } = new();

    /// <summary>
    /// Per-model batch size overrides (model id → texts per ONNX run). A batch size applied from a sweep for the model's
    /// device (<see cref="TunedBatchSizesFile"/>) takes precedence: it was measured on this machine, later.
    /// </summary>
    public Dictionary<string, int> BatchSizes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where applied sweep results are kept across restarts; null: <c>tuned-batch-sizes.json</c> in the model cache folder.</summary>
    public string? TunedBatchSizesFile { get; set; }

    public string ResolvedTunedBatchSizesFile => string.IsNullOrWhiteSpace(TunedBatchSizesFile)
        ? Path.Combine(ResolvedModelCacheDirectory, "tuned-batch-sizes.json")
        : TunedBatchSizesFile;

    /// <summary>Where profiles write their sampling files (.nettrace, .speedscope.json); null: a folder under the temp folder.</summary>
    public string? ProfilesDirectory { get; set; }

    public string ResolvedProfilesDirectory => string.IsNullOrWhiteSpace(ProfilesDirectory)
        ? Path.Combine(Path.GetTempPath(), "truthgraph-profiles")
        : ProfilesDirectory;
    /// <summary>
    /// Per-model precision (model id → <c>fp32</c> | <c>int8</c>); models not named run fp32. An INT8 model is read from
    /// the model cache folder, made there from the fp32 weights on first use (see <see cref="QuantizedModelStore"/>).
    /// A bi-encoder NLI head follows its encoder's setting.
    /// </summary>
    public Dictionary<string, string> Precision { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The INT8 rewrite for every INT8 model: <c>dynamic</c> | <c>per-token</c> | <c>mixed</c> | <c>weight-only</c>; empty uses
    /// each manifest's <see cref="ModelManifest.CpuInt8Method"/>, else <see cref="QuantizationMethods.Default"/>.
    /// </summary>
    public string? Int8Method { get; set; }

    public QuantizationMethod ResolvedInt8Method =>
        string.IsNullOrWhiteSpace(Int8Method) ? QuantizationMethods.Default : QuantizationMethods.Parse(Int8Method);

    /// <summary>
    /// How INT8 weights are stored: <c>auto</c> (default: by the CPU, <see cref="Int8CpuSupport"/>) | <c>s8</c> | <c>s7</c> | <c>u8</c>
    /// (<see cref="Onnx.Quantization.Int8WeightEncoding"/>). An explicit value is for measuring; the start-up self-check still guards it.
    /// </summary>
    public string? Int8WeightEncoding { get; set; }

    /// <summary>The encoding in use and why.</summary>
    public (Onnx.Quantization.Int8WeightEncoding Encoding, string Reason) ResolvedInt8WeightEncoding => Int8CpuSupport.Current.Resolve(Int8WeightEncoding);

    /// <summary>The configured precision of a model (fp32 when not named); an invalid value throws (validated at start-up).</summary>
    public ModelPrecision PrecisionOf(string modelId) =>
        Precision.TryGetValue(modelId, out var value) ? Configured(modelId, value, ResolvedInt8Method) : ModelPrecision.Fp32;

    private ModelPrecision Configured(string modelId, string value, QuantizationMethod method) =>
        ModelPrecision.TryParse(value, method, ResolvedInt8WeightEncoding, out var precision) ? precision
        : throw new InvalidOperationException($"Inference:Precision:{modelId} is '{value}'; use {string.Join(" or ", ModelPrecision.Names)}.");

    /// <summary>
    /// The configured precision, else the manifest's <see cref="ModelManifest.CpuPrecision"/> when the model will run on
    /// the CPU: <c>Inference:Device=cpu</c>, or <c>auto</c> on a machine whose CUDA libraries cannot load (the same no-cost
    /// check the session factory makes). Where CUDA may be used the model stays fp32. The INT8 rewrite is
    /// <c>Inference:Int8Method</c> when set, else the manifest's <see cref="ModelManifest.CpuInt8Method"/>, else
    /// <see cref="QuantizationMethods.Default"/>.
    /// </summary>
    public ModelPrecision PrecisionOf(ModelManifest manifest, Func<bool> cudaUnavailable)
    {
        var method = Int8MethodFor(manifest);
        if (Precision.TryGetValue(manifest.Id, out var configured))
        {
            return Configured(manifest.Id, configured, method);
        }
        if (manifest.CpuPrecision is null)
        {
            return ModelPrecision.Fp32;
        }
        var device = Device.Trim().ToLowerInvariant();
        var onCpu = device == "cpu" || (device == "auto" && cudaUnavailable());
        return onCpu && ModelPrecision.TryParse(manifest.CpuPrecision, method, ResolvedInt8WeightEncoding, out var precision)
            ? precision
            : ModelPrecision.Fp32;
    }

    /// <summary>The INT8 rewrite for this model: the setting first, then the manifest's, then the service default.</summary>
    public QuantizationMethod Int8MethodFor(ModelManifest manifest) =>
        !string.IsNullOrWhiteSpace(Int8Method) || manifest.CpuInt8Method is null ? ResolvedInt8Method : QuantizationMethods.Parse(manifest.CpuInt8Method);
}

public sealed class OnnxOptions
{
    /// <summary>
    /// Sessions per model; each runs its own batches. Null picks per device: on CPU one single-thread session per
    /// core (measured faster than one multi-thread session, see docs/PERFORMANCE.md), on CUDA one session.
    /// </summary>
    public int? Sessions { get; set; }

    /// <summary>Intra-op threads per session; null picks 1 when there are several sessions, else the core count.</summary>
    public int? IntraOpThreads { get; set; }

    public bool GraphOptimization { get; set; } = true;

    /// <summary>
    /// Let idle intra-op threads spin. Off by default: on a machine shared with other work, spinning threads take
    /// cores from everything else (and from the other sessions) for a few percent at best.
    /// </summary>
    public bool AllowSpinning { get; set; }
}

public sealed class BatchingOptions
{
    /// <summary>Coalesce concurrent requests into one ONNX run.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a batch waits for company once the first request is there; 0 takes only what is queued.</summary>
    public double MaxWaitMilliseconds { get; set; } = 2;

    /// <summary>
    /// The coalescing cap: most items the micro-batcher gathers into one batch (which then runs in ONNX runs of the model's
    /// run batch size); null caps it at the run batch size. The key keeps its old name so that existing settings still apply.
    /// </summary>
    public int? MaxBatchSize { get; set; }
}
