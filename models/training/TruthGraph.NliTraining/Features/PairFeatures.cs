namespace TruthGraph.NliTraining.Features;

/// <summary>
/// The bi-encoder features of a pair, <c>[u, v, |u − v|, u ⊙ v]</c> with u = premise (evidence) embedding and
/// v = hypothesis (claim) embedding (InferSent-style). Only v has to be computed at query time: evidence
/// embeddings are already stored in the database. The order and the premise/hypothesis roles are part of the
/// head's contract (manifest field <c>features</c>); swapping u and v changes the |u − v|-free half of the input.
/// </summary>
public static class PairFeatures
{
    public static readonly IReadOnlyList<string> Layout = ["u", "v", "abs(u-v)", "u*v"];

    public static int Width(int embeddingDimensions) => 4 * embeddingDimensions;

    public static float[] Build(ReadOnlySpan<float> premise, ReadOnlySpan<float> hypothesis)
    {
        var features = new float[Width(premise.Length)];
        Build(premise, hypothesis, features);
        return features;
    }

    public static void Build(ReadOnlySpan<float> premise, ReadOnlySpan<float> hypothesis, Span<float> destination)
    {
        var d = premise.Length;
        if (hypothesis.Length != d)
        {
            throw new ArgumentException($"Embedding sizes differ: premise {d}, hypothesis {hypothesis.Length}.");
        }
        if (destination.Length != Width(d))
        {
            throw new ArgumentException($"Destination must hold {Width(d)} values, not {destination.Length}.");
        }
        for (var i = 0; i < d; i++)
        {
            var u = premise[i];
            var v = hypothesis[i];
            destination[i] = u;
            destination[d + i] = v;
            destination[2 * d + i] = MathF.Abs(u - v);
            destination[3 * d + i] = u * v;
        }
    }
}
