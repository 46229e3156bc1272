using System.Text.Json;

namespace TruthGraph.Inference.Cache;

/// <summary>A batch size applied from a sweep, for one model on one device.</summary>
public sealed record TunedBatchSize(int BatchSize, DateTimeOffset AppliedAt, string? Source);

/// <summary>
/// Batch sizes applied from sweeps, per model and device, kept in a small JSON file (by default beside the pulled
/// models) so that they survive a restart of the service. Every apply rewrites the file whole through a temporary file,
/// so a crash never leaves it half-written. Replicas of the service share the file: an apply merges into what is on disk,
/// and <see cref="Refresh"/> picks up what another replica applied.
/// </summary>
public sealed class TunedBatchSizes
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly Lock _lock = new();
    private Dictionary<string, Dictionary<string, TunedBatchSize>> _sizes;
    // The file's text as this process last read or wrote it. Compared whole: a timestamp and length can stay the same
    // across two quick writes of same-length content (file times tick in milliseconds).
    private string? _seen;

    public TunedBatchSizes(string path)
    {
        Path = path;
        _seen = Text(path);
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
            // Another replica may have applied a size since this one last read the file: keep it.
            if (Read(Path) is (var onDisk, null))
            {
                _sizes = onDisk;
            }
            if (!_sizes.TryGetValue(modelId, out var devices))
            {
                _sizes[modelId] = devices = new Dictionary<string, TunedBatchSize>(StringComparer.OrdinalIgnoreCase);
            }
            devices[device] = tuned;
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            // A name of this process's own: two replicas applying at once must not write into one temporary file.
            var temporary = $"{Path}.{Environment.ProcessId}.tmp";
            var text = JsonSerializer.Serialize(_sizes, Json);
            File.WriteAllText(temporary, text);
            File.Move(temporary, Path, overwrite: true);
            _seen = text;
        }
        return tuned;
    }

    /// <summary>
    /// Re-reads the file when it changed since this process last read or wrote it (another replica applied a size);
    /// returns the sizes that are new or different, by model and device. Cheap: the file holds a few lines per model.
    /// </summary>
    public IReadOnlyList<(string Model, string Device, TunedBatchSize Tuned)> Refresh()
    {
        lock (_lock)
        {
            var text = Text(Path);
            if (text == _seen || text is null)
            {
                return [];
            }
            var (read, error) = Parse(text);
            if (error is not null)
            {
                // Edited by hand into something unreadable: keep the sizes in use, and try again at the next refresh.
                return [];
            }
            _seen = text;
            var changed = read.SelectMany(m => m.Value.Select(d => (Model: m.Key, Device: d.Key, Tuned: d.Value)))
                .Where(t => !(_sizes.TryGetValue(t.Model, out var devices) && devices.TryGetValue(t.Device, out var old) && old == t.Tuned))
                .ToList();
            _sizes = read;
            return changed;
        }
    }

    private static string? Text(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static (Dictionary<string, Dictionary<string, TunedBatchSize>>, string?) Read(string path)
    {
        try
        {
            return File.Exists(path) ? Parse(File.ReadAllText(path)) : (Empty(), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (Empty(), ex.Message);
        }
    }

    private static (Dictionary<string, Dictionary<string, TunedBatchSize>>, string?) Parse(string text)
    {
        var sizes = Empty();
        try
        {
            var stored = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, TunedBatchSize>>>(text, Json) ?? [];
            foreach (var (model, devices) in stored)
            {
                sizes[model] = new Dictionary<string, TunedBatchSize>(devices.Where(d => d.Value.BatchSize >= 1), StringComparer.OrdinalIgnoreCase);
            }
        }
        catch (JsonException ex)
        {
            // A file edited by hand into something unreadable must not stop the service; the defaults apply instead.
            return (sizes, ex.Message);
        }
        return (sizes, null);
    }

    private static Dictionary<string, Dictionary<string, TunedBatchSize>> Empty() => new(StringComparer.OrdinalIgnoreCase);
}
