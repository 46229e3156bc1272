using System.Text.Json;

namespace TruthGraph.Inference.Cache;

/// <summary>A batch size applied from a sweep, for one model on one device.</summary>
public sealed record TunedBatchSize(int BatchSize, DateTimeOffset AppliedAt, string? Source);

/// <summary>
/// Batch sizes applied from sweeps, per model and device, kept in a small JSON file (by default beside the pulled
/// models) so that they survive a restart of the service. Read once at start; every apply rewrites the file whole
/// through a temporary file, so a crash never leaves it half-written.
/// </summary>
public sealed class TunedBatchSizes
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Dictionary<string, TunedBatchSize>> _sizes;

    public TunedBatchSizes(string path)
    {
        Path = path;
        (_sizes, ReadError) = Read(path);
    }

    public string Path { get; }

    /// <summary>Why the file could not be read at start (its sizes are then not used), or null.</summary>
    public string? ReadError { get; }

    public TunedBatchSize? Find(string modelId, string device)
    {
        lock (_lock)
        {
            return _sizes.TryGetValue(modelId, out var devices) && devices.TryGetValue(device, out var tuned) ? tuned : null;
        }
    }

    public IReadOnlyDictionary<string, TunedBatchSize> ForModel(string modelId)
    {
        lock (_lock)
        {
            return _sizes.TryGetValue(modelId, out var devices) ? new Dictionary<string, TunedBatchSize>(devices) : [];
        }
    }

    public TunedBatchSize Save(string modelId, string device, int batchSize, string? source)
    {
        var tuned = new TunedBatchSize(batchSize, DateTimeOffset.UtcNow, source);
        lock (_lock)
        {
            if (!_sizes.TryGetValue(modelId, out var devices))
            {
                _sizes[modelId] = devices = new Dictionary<string, TunedBatchSize>(StringComparer.OrdinalIgnoreCase);
            }
            devices[device] = tuned;
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            var temporary = Path + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(_sizes, Json));
            File.Move(temporary, Path, overwrite: true);
        }
        return tuned;
    }

    private static (Dictionary<string, Dictionary<string, TunedBatchSize>>, string?) Read(string path)
    {
        var sizes = new Dictionary<string, Dictionary<string, TunedBatchSize>>(StringComparer.OrdinalIgnoreCase);
        if (!File.Exists(path))
        {
            return (sizes, null);
        }
        try
        {
            var stored = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, TunedBatchSize>>>(File.ReadAllText(path), Json) ?? [];
            foreach (var (model, devices) in stored)
            {
                sizes[model] = new Dictionary<string, TunedBatchSize>(devices.Where(d => d.Value.BatchSize >= 1), StringComparer.OrdinalIgnoreCase);
            }
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            // A file edited by hand into something unreadable must not stop the service; the defaults apply instead.
            return (sizes, ex.Message);
        }
        return (sizes, null);
    }
}
