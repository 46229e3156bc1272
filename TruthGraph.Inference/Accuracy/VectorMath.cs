namespace TruthGraph.Inference.Accuracy;

/// <summary>Exact vector comparisons for the accuracy check: cosine and brute-force top-k by cosine.</summary>
public static class VectorMath
{
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * (double)b[i];
            na += a[i] * (double)a[i];
            nb += b[i] * (double)b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }

    /// <summary>Indexes of the <paramref name="k"/> corpus vectors most similar to <paramref name="query"/>, best first (exact search).</summary>
    public static int[] TopK(float[] query, IReadOnlyList<float[]> corpus, int k) =>
        Enumerable.Range(0, corpus.Count)
            .Select(i => (Index: i, Score: Cosine(query, corpus[i])))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Index)
            .Take(k)
            .Select(x => x.Index)
            .ToArray();
}
