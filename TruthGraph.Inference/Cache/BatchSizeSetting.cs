namespace TruthGraph.Inference.Cache;

/// <summary>
/// The run batch size of one model (texts or pairs per ONNX run) and the only thing that changes it. Each source keeps
/// its own value, so that removing a stronger one uncovers the one below without anyone remembering it:
/// sweep &gt; runtime &gt; tuned &gt; configured &gt; default. Read before every batch, from any thread.
/// </summary>
public sealed class BatchSizeSetting
{
    /// <summary>Stands in for the device default until the first load tells which device the model runs on.</summary>
    public const int DefaultBeforeLoad = 32;

    private readonly Lock _lock = new();
    private readonly int? _configured;
    private readonly List<SweepOverride> _sweeps = [];
    private int _deviceDefault = DefaultBeforeLoad;
    private int? _tuned;
    private int? _runtime;

    // One immutable pair, so that a reader never sees a size with another size's source.
    private volatile BatchSizeChoice _choice;

    public BatchSizeSetting(int? configured = null)
    {
        _configured = configured is { } size ? Checked(size) : null;
        _choice = Choose();
    }

    /// <summary>Items per ONNX run now.</summary>
    public int Current => _choice.Size;

    public BatchSizeSource Source => _choice.Source;

    /// <summary>The size in use and where it came from, read together.</summary>
    public BatchSizeChoice Choice => _choice;

    /// <summary>
    /// What a load learns: the model's default on its device, and the size tuned for that device (null when none).
    /// Both replace what an earlier load on another device said.
    /// </summary>
    public void Loaded(int deviceDefault, int? tunedForDevice) =>
        Update(() => (_deviceDefault, _tuned) = (Checked(deviceDefault), tunedForDevice is { } tuned ? Checked(tuned) : null));

    /// <summary>A size chosen at run time; it stays across reloads until a tuned size is applied.</summary>
    public void SetRuntime(int size) => Update(() => _runtime = Checked(size));

    /// <summary>A sweep's recommendation applied for the device the model is loaded on: newer than any run-time size, so it replaces it.</summary>
    public void ApplyTuned(int size) => Update(() => (_tuned, _runtime) = (Checked(size), null));

    /// <summary>
    /// Runs the model at <paramref name="size"/> until the returned handle is disposed, whatever else is set meanwhile;
    /// disposing it (in a <c>using</c>, so also when the measurement throws) uncovers the size underneath.
    /// </summary>
    public IDisposable BeginSweepOverride(int size)
    {
        var sweep = new SweepOverride(this, Checked(size));
        Update(() => _sweeps.Add(sweep));
        return sweep;
    }

    private void Update(Action change)
    {
        lock (_lock)
        {
            change();
            _choice = Choose();
        }
    }

    private BatchSizeChoice Choose()
    {
        if (_sweeps.Count > 0)
        {
            return new BatchSizeChoice(_sweeps[^1].Size, BatchSizeSource.Sweep);
        }
        return _runtime is { } runtime ? new BatchSizeChoice(runtime, BatchSizeSource.Runtime)
            : _tuned is { } tuned ? new BatchSizeChoice(tuned, BatchSizeSource.Tuned)
            : _configured is { } configured ? new BatchSizeChoice(configured, BatchSizeSource.Configured)
            : new BatchSizeChoice(_deviceDefault, BatchSizeSource.Default);
    }

    private static int Checked(int size) =>
        size >= 1 ? size : throw new ArgumentOutOfRangeException(nameof(size), size, "A batch size must be at least 1.");

    private sealed class SweepOverride(BatchSizeSetting owner, int size) : IDisposable
    {
        public int Size { get; } = size;

        public void Dispose() => owner.Update(() => owner._sweeps.Remove(this));
    }
}

/// <summary>A run batch size and the source it came from.</summary>
public sealed record BatchSizeChoice(int Size, BatchSizeSource Source);
