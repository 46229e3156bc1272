using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime;
using Microsoft.Extensions.Options;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Onnx;
using TruthGraph.Inference.Telemetry;

namespace TruthGraph.Inference.Cache;

/// <summary>
/// The process-wide set of loaded models (a DI singleton). Models load lazily on first use, exactly once even
/// when many requests arrive together, and can be warmed up, unloaded and retuned at run time.
/// </summary>
public sealed partial class ModelCache : IAsyncDisposable
{
    private sealed class Entry(ModelManifest manifest, ModelRuntime runtime)
    {
        public ModelManifest Manifest { get; } = manifest;
        public ModelRuntime Runtime { get; } = runtime;
        public SemaphoreSlim Gate { get; } = new(1, 1);
        public volatile ILoadedModel? Model;
        public volatile bool Loading;
        public volatile string? LoadError;
        public bool? Available;
    }

    private readonly Dictionary<string, Entry> _entries;
    private readonly Dictionary<ModelTask, IModelLoader> _loaders;
    private readonly InferenceTelemetry _telemetry;
    private readonly ILogger<ModelCache> _logger;
    private readonly string _cacheDirectory;
    private readonly TunedBatchSizes _tuned;

    public ModelCache(ModelCatalog catalog, IEnumerable<IModelLoader> loaders, IOptions<InferenceOptions> options,
        InferenceTelemetry telemetry, ILogger<ModelCache> logger)
    {
        _telemetry = telemetry;
        _logger = logger;
        _loaders = loaders.ToDictionary(l => l.Task);
        var settings = options.Value;
        _cacheDirectory = settings.ResolvedModelCacheDirectory;
        _tuned = new TunedBatchSizes(settings.ResolvedTunedBatchSizesFile);
        if (_tuned.ReadError is { } error)
        {
            LogTunedUnreadable(_tuned.Path, error);
        }
        CheckPrecisionSettings(catalog, settings);
        _entries = catalog.All.ToDictionary(m => m.Id, m =>
        {
            int? configured = settings.BatchSizes.TryGetValue(m.Id, out var size) && size > 0 ? size : null;
            var runtime = new ModelRuntime(m.Id, new BatchSizeSetting(configured), settings.Batching.Enabled, new ModelStats())
            {
                Precision = settings.PrecisionOf(m, OnnxSessionFactory.CudaUnavailable),
            };
            return new Entry(m, runtime);
        }, StringComparer.OrdinalIgnoreCase);
        telemetry.ObserveMemory(() => _entries.Values
            .Select(e => e.Model is { } model ? new Measurement<long>(model.EstimatedBytes, new KeyValuePair<string, object?>("truthgraph.model", e.Manifest.Id)) : (Measurement<long>?)null)
            .OfType<Measurement<long>>());
    }

    /// <summary>The loaded model, loading it first if needed.</summary>
    /// <exception cref="ModelNotFoundException">No manifest has this id.</exception>
    public async Task<ILoadedModel> GetAsync(string modelId, CancellationToken cancellationToken)
    {
        var entry = Find(modelId);
        if (entry.Model is { } ready)
        {
            return ready;
        }
        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            return entry.Model ?? await LoadAsync(entry);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>Loads the model if needed and runs a warm-up input through it.</summary>
    public async Task<ModelStatus> WarmUpAsync(string modelId, CancellationToken cancellationToken)
    {
        var model = await GetAsync(modelId, cancellationToken);
        using var activity = InferenceTelemetry.Inference.StartActivity("model warm-up");
        activity?.SetTag("truthgraph.model", model.Manifest.Id);
        await model.WarmUpAsync(cancellationToken);
        return Describe(modelId);
    }

    /// <summary>
    /// Frees the model's sessions and memory; the next request loads it again. False if it was not loaded. The models
    /// loaded on it as their encoder go with it, and load it again with themselves on their next use.
    /// </summary>
    public async Task<bool> UnloadAsync(string modelId)
    {
        var entry = Find(modelId);
        ILoadedModel? model;
        await entry.Gate.WaitAsync();
        try
        {
            model = entry.Model;
            entry.Model = null;
        }
        finally
        {
            entry.Gate.Release();
        }
        if (model is null)
        {
            return false;
        }
        // After the encoder left its entry: a head loading meanwhile took a new encoder, or is unloaded here too.
        foreach (var dependent in _entries.Values.Where(e => string.Equals(EncoderOf(e.Manifest), entry.Manifest.Id, StringComparison.OrdinalIgnoreCase)))
        {
            await UnloadAsync(dependent.Manifest.Id);
        }
        using var activity = InferenceTelemetry.Inference.StartActivity("model unload");
        activity?.SetTag("truthgraph.model", entry.Manifest.Id);
        var before = Environment.WorkingSet;
        await model.DisposeAsync();
        // The weights were large-object-heap arrays; compact once so the memory goes back to the system.
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        LogUnloaded(entry.Manifest.Id, (before - Environment.WorkingSet) / (1024 * 1024));
        return true;
    }

    /// <summary>
    /// Sets the run batch size (texts per ONNX run) from now on, over any tuned, configured or default size; kept across
    /// reloads until a tuned size is applied for the model's device.
    /// </summary>
    public void SetBatchSize(string modelId, int batchSize) => Find(modelId).Runtime.RunBatchSize.SetRuntime(batchSize);

    /// <summary>
    /// Makes <paramref name="batchSize"/> the model's batch size on <paramref name="device"/> (a sweep's recommendation) and
    /// keeps it in the tuned-batch-sizes file: it applies now when the model is loaded there (replacing a run-time size),
    /// and at every later load on that device, after a restart too.
    /// </summary>
    public ModelStatus ApplyTunedBatchSize(string modelId, string device, int batchSize, string? source)
    {
        var entry = Find(modelId);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        _tuned.Save(entry.Manifest.Id, device, batchSize, source);
        // Not loaded yet: the next load reads the file. Loaded on another device: that device's size stays in use.
        if (entry.Model is { } model && string.Equals(model.Device.Device, device, StringComparison.OrdinalIgnoreCase))
        {
            entry.Runtime.RunBatchSize.ApplyTuned(batchSize);
        }
        LogTunedApplied(entry.Manifest.Id, device, batchSize, _tuned.Path);
        return Describe(entry);
    }

    /// <summary>
    /// Applies the sizes another replica of the service wrote to the shared tuned-batch-sizes file since the last call, to
    /// the models loaded here on that device (models loaded later read the file at load).
    /// </summary>
    public void RefreshTunedBatchSizes()
    {
        foreach (var (modelId, device, tuned) in _tuned.Refresh())
        {
            if (_entries.TryGetValue(modelId, out var entry) && entry.Model is { } model
                && string.Equals(model.Device.Device, device, StringComparison.OrdinalIgnoreCase))
            {
                entry.Runtime.RunBatchSize.ApplyTuned(tuned.BatchSize);
                LogTunedApplied(entry.Manifest.Id, device, tuned.BatchSize, _tuned.Path);
            }
        }
    }

    /// <summary>Turns micro-batching on or off for a model from now on.</summary>
    public void SetMicroBatching(string modelId, bool enabled) => Find(modelId).Runtime.MicroBatching = enabled;

    public ModelStatus Describe(string modelId) => Describe(Find(modelId));

    public IReadOnlyList<ModelStatus> DescribeAll() => _entries.Values.OrderBy(e => e.Manifest.Id, StringComparer.Ordinal).Select(Describe).ToList();

    private ModelStatus Describe(Entry entry)
    {
        // Weights, adapter and vocabulary must all be readable without a download; a disabled manifest is never available.
        // Checked again until true: a `models pull` while the service runs makes a model available.
        if (entry.Available != true)
        {
            entry.Available = entry.Manifest.Enabled && ArtifactLoader.WhyUnavailable(entry.Manifest, _cacheDirectory) is null;
        }
        var model = entry.Model;
        var state = model is not null ? "loaded" : entry.Loading ? "loading" : entry.LoadError is not null ? "failed" : "not loaded";
        var batchSize = entry.Runtime.RunBatchSize.Choice;
        return new ModelStatus(entry.Manifest, entry.Available.Value, model is not null, state, model?.Device.Device,
            model?.Device.Reason, entry.LoadError, batchSize.Size, batchSize.Source, _tuned.ForModel(entry.Manifest.Id),
            entry.Runtime.MicroBatching, model?.Sessions,
            model?.IntraOpThreads, model?.EstimatedBytes, entry.Runtime.Stats, PrecisionOf(entry), RuntimeOf(entry).Precision,
            model is null ? null : entry.Runtime.Int8File, model is null ? null : RuntimeOf(entry).Int8Check);
    }

    // A bi-encoder head is one small fp32 product on its encoder's embeddings: what it computes in is its encoder's precision
    // (fp32 too where the encoder's INT8 self-check sent it back to fp32).
    private ModelRuntime RuntimeOf(Entry entry) =>
        EncoderOf(entry.Manifest) is { } encoder && _entries.TryGetValue(encoder, out var encoderEntry)
            ? encoderEntry.Runtime
            : entry.Runtime;

    /// <summary>The model whose embeddings a bi-encoder head runs on; null for any other manifest.</summary>
    private static string? EncoderOf(ModelManifest manifest) =>
        manifest is { Architecture: NliArchitecture.BiEncoderHead, Encoder: { } encoder } ? encoder : null;

    /// <summary>The encoder <paramref name="manifest"/> runs on (a bi-encoder head's), loaded if needed; null for any other manifest.</summary>
    public async Task<LoadedEncoder?> LoadEncoderAsync(ModelManifest manifest)
    {
        // Only an embedding model can be an encoder, and it has none itself: no chain of loads, so no gate waits on itself.
        if (EncoderOf(manifest) is not { } encoderId)
        {
            return null;
        }
        var encoder = Find(encoderId);
        if (encoder.Manifest.Task != ModelTask.Embedding)
        {
            throw new InvalidDataException($"Manifest '{manifest.Id}' names encoder '{encoderId}', which is not an embedding model.");
        }
        // Not the caller's token, like the load that needs it.
        return new LoadedEncoder(await GetAsync(encoderId, CancellationToken.None), encoder.Runtime);
    }

    private ModelPrecision PrecisionOf(Entry entry) => RuntimeOf(entry).EffectivePrecision;

    private static void CheckPrecisionSettings(ModelCatalog catalog, InferenceOptions settings)
    {
        foreach (var modelId in settings.Precision.Keys)
        {
            if (!catalog.TryGet(modelId, out var manifest))
            {
                throw new InvalidOperationException($"Inference:Precision names model '{modelId}', which is not in the model catalogue.");
            }
            if (manifest is { Architecture: NliArchitecture.BiEncoderHead } && settings.PrecisionOf(modelId).IsInt8)
            {
                throw new InvalidOperationException(
                    $"Inference:Precision:{modelId}: a bi-encoder head runs on its encoder's embeddings; set Inference:Precision:{manifest.Encoder} instead.");
            }
        }
    }

    /// <summary>The model's run-time settings and counters (kept across reloads), for the code that serves it.</summary>
    public ModelRuntime Runtime(string modelId) => Find(modelId).Runtime;

    private Entry Find(string modelId) =>
        _entries.TryGetValue(modelId, out var entry) ? entry : throw new ModelNotFoundException(modelId, "is not in the model catalogue");

    // Called with the entry's gate held, so one load per model runs at a time and waiting requests reuse its result.
    private async Task<ILoadedModel> LoadAsync(Entry entry)
    {
        if (!_loaders.TryGetValue(entry.Manifest.Task, out var loader))
        {
            throw new InvalidOperationException($"Model '{entry.Manifest.Id}' has task '{entry.Manifest.Task}', which no loader in this service serves.");
        }
        if (!entry.Manifest.Enabled)
        {
            throw new InvalidOperationException($"Model '{entry.Manifest.Id}' is disabled in its manifest (enabled: false).");
        }
        using var activity = InferenceTelemetry.Inference.StartActivity("model load");
        activity?.SetTag("truthgraph.model", entry.Manifest.Id);
        var clock = Stopwatch.StartNew();
        entry.Loading = true;
        try
        {
            // Not the caller's token: other requests wait on this load, and one caller giving up should not fail them.
            var encoder = await LoadEncoderAsync(entry.Manifest);
            var model = await loader.LoadAsync(entry.Manifest, entry.Runtime, encoder, CancellationToken.None);
            // Only now is the device known, and with it its default and the size tuned for it.
            entry.Runtime.RunBatchSize.Loaded(model.DefaultBatchSize, _tuned.Find(entry.Manifest.Id, model.Device.Device)?.BatchSize);
            entry.Runtime.Stats.RecordLoad(clock.Elapsed);
            _telemetry.LoadDuration.Record(clock.Elapsed.TotalMilliseconds, new KeyValuePair<string, object?>("truthgraph.model", entry.Manifest.Id));
            activity?.SetTag("truthgraph.device", model.Device.Device);
            activity?.SetTag("truthgraph.device.reason", model.Device.Reason);
            activity?.SetTag("truthgraph.precision", PrecisionOf(entry).Name);
            entry.LoadError = null;
            entry.Model = model;
            LogLoaded(entry.Manifest.Id, clock.ElapsedMilliseconds, PrecisionOf(entry).ToString(), model.Device.Device, model.Device.Reason,
                model.Sessions, model.IntraOpThreads);
            if (entry.Runtime.Int8Check is { Passed: false, Reason: { } fallback })
            {
                LogInt8Fallback(entry.Manifest.Id, entry.Runtime.Precision.ToString(), fallback);
            }
            else if (model.Device.IsCuda && entry.Runtime.Precision.IsInt8)
            {
                LogInt8OnCuda(entry.Manifest.Id);
            }
            return model;
        }
        catch (Exception ex)
        {
            entry.LoadError = ex.Message;
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            // One type for callers to turn into "not available, and why" (503), whatever the loader tripped on.
            throw new ModelLoadException(entry.Manifest.Id, ex.Message, ex);
        }
        finally
        {
            entry.Loading = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var entry in _entries.Values)
        {
            if (entry.Model is { } model)
            {
                entry.Model = null;
                await model.DisposeAsync();
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {ModelId} ({Precision}) loaded in {Milliseconds} ms on {Device} ({Reason}); {Sessions} session(s) × {Threads} intra-op thread(s)")]
    private partial void LogLoaded(string modelId, long milliseconds, string precision, string device, string reason, int sessions, int threads);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {ModelId} runs INT8 on CUDA: the INT8 rewrite targets the CPU (VNNI), and operators without a CUDA kernel run on the CPU between GPU nodes; fp32 is probably faster on a GPU (not measured)")]
    private partial void LogInt8OnCuda(string modelId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {ModelId}: {Reason} (configured {Precision})")]
    private partial void LogInt8Fallback(string modelId, string precision, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Batch size {BatchSize} applied to model {ModelId} on {Device}, kept in {File}")]
    private partial void LogTunedApplied(string modelId, string device, int batchSize, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tuned batch sizes in {File} cannot be read ({Reason}); the configured or default sizes apply")]
    private partial void LogTunedUnreadable(string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {ModelId} unloaded; working set shrank by {Megabytes} MiB")]
    private partial void LogUnloaded(string modelId, long megabytes);
}
