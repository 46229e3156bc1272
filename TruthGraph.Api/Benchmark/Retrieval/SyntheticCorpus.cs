namespace TruthGraph.Api.Benchmark.Retrieval;

/// <summary>
/// Grows a set of real sentence embeddings to any corpus size as a random tree rooted in them: the first <c>n</c> rows
/// are the real vectors, and every later row is a copy of an earlier row picked uniformly at random (real or grown)
/// plus isotropic Gaussian noise of expected norm <see cref="NoiseNorm"/>, L2-normalised again. Each grown sentence
/// thus has close neighbours of its own (its parent, its siblings, its children) and drifts further from its real
/// root the deeper it sits, so density varies as in a real corpus. (Perturbing only the real vectors, the first try,
/// made every real sentence a hub with ~100 equidistant spokes at 1M: no graph index finds the best 10 spokes, and no
/// real corpus looks like that; docs/SCALING.md has the numbers.) The stream is seeded and each size is a prefix of
/// the next, so the exact-neighbour pass and the load see the same rows.
/// </summary>
public sealed class SyntheticCorpus(IReadOnlyList<float[]> realVectors, double noiseNorm, int seed)
{
    /// <summary>How many sources the rows are spread over; a filtered search asks for one of them.</summary>
    public const int SourceCount = 10;

    private readonly List<float[]> rows = [.. realVectors];
    private readonly List<int> parents = [.. Enumerable.Repeat(-1, realVectors.Count)];
    private readonly List<int> roots = [.. Enumerable.Range(0, realVectors.Count)];
    private readonly Random random = new(seed);

    public int RealCount => realVectors.Count;

    public double NoiseNorm => noiseNorm;

    /// <summary>The real sentence a row descends from (whose text the row carries).</summary>
    public int RealIndexOf(int row) => roots[row];

    /// <summary>The row a grown row was copied from; -1 for a real one.</summary>
    public int ParentOf(int row) => parents[row];

    /// <summary>
    /// The source a row belongs to: a multiplicative hash of the row number, so that every source holds rows of every
    /// part of the corpus.
    /// </summary>
    public static int SourceOf(int row) => (int)(unchecked((uint)row * 2654435761u) % SourceCount);

    /// <summary>The first <paramref name="count"/> rows; they are kept, so asking again (or for fewer) costs nothing.</summary>
    public IEnumerable<float[]> Rows(int count)
    {
        var dimensions = realVectors[0].Length;
        var sigma = noiseNorm / Math.Sqrt(dimensions);
        while (rows.Count < count)
        {
            var parent = random.Next(rows.Count);
            var source = rows[parent];
            var vector = new float[dimensions];
            double squares = 0;
            for (var d = 0; d < dimensions; d++)
            {
                var value = source[d] + sigma * NextGaussian();
                vector[d] = (float)value;
                squares += value * value;
            }
            var scale = (float)(1 / Math.Sqrt(squares));
            for (var d = 0; d < dimensions; d++)
            {
                vector[d] *= scale;
            }
            rows.Add(vector);
            parents.Add(parent);
            roots.Add(roots[parent]);
        }
        return rows.Take(count);
    }

    // Box–Muller; one of the pair is enough here, the generator is not the bottleneck next to the database.
    private double NextGaussian() =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
