namespace TruthGraph.Api.Benchmark.Retrieval;

/// <summary>Real sentences and claims with their embeddings: the seed of the synthetic corpus and its queries.</summary>
public sealed record BenchmarkSentences(IReadOnlyList<string> Texts, IReadOnlyList<float[]> Vectors, IReadOnlyList<string> QueryTexts,
    IReadOnlyList<float[]> Queries)
{
    /// <summary>
    /// Corpus sentences: CLIMATE-FEVER evidence sentences first, then FEVER premises, distinct, at most
    /// <paramref name="corpusLimit"/>. Queries: CLIMATE-FEVER claims (the files' own order), at most <paramref name="queryLimit"/>.
    /// </summary>
    public static (List<string> Corpus, List<string> Queries) ReadTexts(IEnumerable<string> climateFeverFiles, string? feverPairsFile,
        int corpusLimit, int queryLimit)
    {
        var corpus = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queries = new List<string>();
        void Take(string? text)
        {
            if (!string.IsNullOrWhiteSpace(text) && corpus.Count < corpusLimit && seen.Add(text))
            {
                corpus.Add(text);
            }
        }
        foreach (var line in climateFeverFiles.SelectMany(File.ReadLines).Where(l => l.Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            if (queries.Count < queryLimit && json.RootElement.TryGetProperty("claim", out var claim))
            {
                queries.Add(claim.GetString()!);
            }
            if (json.RootElement.TryGetProperty("evidences", out var evidences))
            {
                foreach (var evidence in evidences.EnumerateArray())
                {
                    Take(evidence.GetProperty("evidence").GetString());
                }
            }
        }
        if (feverPairsFile is not null)
        {
            foreach (var line in File.ReadLines(feverPairsFile).Where(l => l.Length > 0))
            {
                using var json = JsonDocument.Parse(line);
                Take(json.RootElement.GetProperty("premise").GetString());
            }
        }
        return (corpus, queries);
    }

    /// <summary>Embeds once; later runs read the cache file (it sits outside the repository, the vectors are not source).</summary>
    public static async Task<BenchmarkSentences> LoadOrEmbedAsync(string cacheFile, IReadOnlyList<string> corpus, IReadOnlyList<string> queries,
        Func<IReadOnlyList<string>, Task<float[][]>> embed)
    {
        if (File.Exists(cacheFile))
        {
            var cached = Read(cacheFile);
            if (cached.Texts.SequenceEqual(corpus) && cached.QueryTexts.SequenceEqual(queries))
            {
                return cached;
            }
        }
        var sentences = new BenchmarkSentences(corpus, await embed(corpus), queries, await embed(queries));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(cacheFile))!);
        Write(cacheFile, sentences);
        return sentences;
    }

    public static void Write(string file, BenchmarkSentences sentences)
    {
        using var writer = new BinaryWriter(File.Create(file));
        WriteSection(writer, sentences.Texts, sentences.Vectors);
        WriteSection(writer, sentences.QueryTexts, sentences.Queries);
    }

    public static BenchmarkSentences Read(string file)
    {
        using var reader = new BinaryReader(File.OpenRead(file));
        var (texts, vectors) = ReadSection(reader);
        var (queryTexts, queries) = ReadSection(reader);
        return new BenchmarkSentences(texts, vectors, queryTexts, queries);
    }

    private static void WriteSection(BinaryWriter writer, IReadOnlyList<string> texts, IReadOnlyList<float[]> vectors)
    {
        writer.Write(texts.Count);
        writer.Write(vectors[0].Length);
        for (var i = 0; i < texts.Count; i++)
        {
            writer.Write(texts[i]);
            foreach (var value in vectors[i])
            {
                writer.Write(value);
            }
        }
    }

    private static (List<string>, List<float[]>) ReadSection(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        var dimensions = reader.ReadInt32();
        var texts = new List<string>(count);
        var vectors = new List<float[]>(count);
        for (var i = 0; i < count; i++)
        {
            texts.Add(reader.ReadString());
            var vector = new float[dimensions];
            for (var d = 0; d < dimensions; d++)
            {
                vector[d] = reader.ReadSingle();
            }
            vectors.Add(vector);
        }
        return (texts, vectors);
    }
}
