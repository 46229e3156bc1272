namespace TruthGraph.NliTraining.Embedding;

/// <summary>
/// Embeddings of earlier runs, one append-only binary file per embedder (key = model hash + tokenizer + pooling),
/// under ~/.cache/truthgraph/nli-training — never in git. Reruns then embed only texts not seen before.
/// </summary>
public sealed class EmbeddingCache
{
    private const int FormatVersion = 1;
    private readonly string _path;
    private readonly int _dimensions;
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private bool _rewrite = true;

    public EmbeddingCache(string directory, ISentenceEmbedder embedder)
    {
        Directory.CreateDirectory(directory);
        _path = Path.Combine(directory, embedder.CacheKey + ".bin");
        _dimensions = embedder.Dimensions;
        Load();
    }

    public static string DefaultDirectory =>
        Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
            "truthgraph", "nli-training");

    public string FilePath => _path;

    public int Count => _vectors.Count;

    /// <summary>Embeds the texts missing from the cache, saves them, and returns a lookup covering all texts.</summary>
    public IReadOnlyDictionary<string, float[]> GetOrEmbed(
        IEnumerable<string> texts, ISentenceEmbedder embedder, Action<int, int>? progress = null)
    {
        var missing = texts.Distinct(StringComparer.Ordinal).Where(t => !_vectors.ContainsKey(t)).ToList();
        if (missing.Count > 0)
        {
            var vectors = embedder.Embed(missing, done => progress?.Invoke(done, missing.Count));
            Append(missing, vectors);
        }
        progress?.Invoke(missing.Count, missing.Count);
        return _vectors;
    }

    private void Load()
    {
        if (!File.Exists(_path))
        {
            return;
        }
        try
        {
            using var reader = new BinaryReader(File.OpenRead(_path));
            if (reader.ReadInt32() != FormatVersion || reader.ReadInt32() != _dimensions)
            {
                return; // another layout: ignore it, it is rewritten on the next save
            }
            while (reader.BaseStream.Position < reader.BaseStream.Length)
            {
                var text = reader.ReadString();
                var vector = new float[_dimensions];
                for (var d = 0; d < _dimensions; d++)
                {
                    vector[d] = reader.ReadSingle();
                }
                _vectors[text] = vector;
            }
            _rewrite = false;
        }
        catch (EndOfStreamException)
        {
            // A run killed mid-write leaves a torn last record: keep what was complete.
        }
    }

    private void Append(IReadOnlyList<string> texts, float[][] vectors)
    {
        var fresh = _rewrite;
        _rewrite = false;
        for (var i = 0; i < texts.Count; i++)
        {
            _vectors[texts[i]] = vectors[i];
        }
        // Rewrite from scratch for a new, torn or differently laid-out file; else append.
        using var writer = new BinaryWriter(fresh ? File.Create(_path) : new FileStream(_path, FileMode.Append));
        if (fresh)
        {
            writer.Write(FormatVersion);
            writer.Write(_dimensions);
            foreach (var (text, vector) in _vectors)
            {
                Write(writer, text, vector);
            }
            return;
        }
        for (var i = 0; i < texts.Count; i++)
        {
            Write(writer, texts[i], vectors[i]);
        }
    }

    private static void Write(BinaryWriter writer, string text, float[] vector)
    {
        writer.Write(text);
        foreach (var value in vector)
        {
            writer.Write(value);
        }
    }
}
