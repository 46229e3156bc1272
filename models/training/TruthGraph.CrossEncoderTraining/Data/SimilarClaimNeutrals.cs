namespace TruthGraph.CrossEncoderTraining.Data;

/// <summary>
/// Neutral pairs that are not simply "another topic": each chosen claim is paired with the evidence of the claim
/// nearest to it by sentence embedding whose evidence shares no sentence with its own. A random other premise would
/// teach the model that neutral means off-topic, which retrieval already filters; a near neighbour's evidence
/// (same kind of subject, often the same entity type) is what the verifier actually sees beside the deciding sentence.
/// </summary>
public static class SimilarClaimNeutrals
{
    /// <summary>How many nearest claims are looked at before a claim is given up on.</summary>
    public const int Candidates = 12;

    /// <param name="pairs">labelled pairs (premise = evidence, hypothesis = claim)</param>
    /// <param name="claimVectors">L2-normalised embedding of each distinct claim, keyed by its text</param>
    /// <param name="count">neutral pairs wanted (fewer when too few claims have a usable neighbour)</param>
    public static IReadOnlyList<NliPair> Build(IReadOnlyList<NliPair> pairs, IReadOnlyDictionary<string, float[]> claimVectors,
        int count, Random random)
    {
        var claims = ClaimsWithEvidence(pairs);
        var order = Enumerable.Range(0, claims.Count).OrderBy(_ => random.Next()).ToList();
        var neutrals = new List<NliPair>(count);
        foreach (var index in order)
        {
            if (neutrals.Count >= count)
            {
                break;
            }
            var (claim, evidence) = claims[index];
            var own = SentencesOf(evidence);
            var vector = claimVectors[claim];
            foreach (var neighbour in Nearest(vector, claims, claimVectors, index, Candidates))
            {
                var theirs = claims[neighbour].Evidence;
                if (SentencesOf(theirs).Overlaps(own) || string.Equals(claims[neighbour].Claim, claim, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                neutrals.Add(new NliPair(theirs[random.Next(theirs.Count)], claim, NliLabel.Neutral));
                break;
            }
        }
        return neutrals;
    }

    /// <summary>Each distinct claim with its distinct evidence, in the order the pairs first name them.</summary>
    internal static List<(string Claim, List<string> Evidence)> ClaimsWithEvidence(IEnumerable<NliPair> pairs) =>
        pairs.GroupBy(p => p.Hypothesis, StringComparer.Ordinal)
            .Select(g => (Claim: g.Key, Evidence: g.Select(p => p.Premise).Distinct(StringComparer.Ordinal).ToList()))
            .ToList();

    /// <summary>Indices of the <paramref name="take"/> claims nearest to <paramref name="vector"/>, nearest first, <paramref name="self"/> left out.</summary>
    internal static IEnumerable<int> Nearest(float[] vector, IReadOnlyList<(string Claim, List<string> Evidence)> claims,
        IReadOnlyDictionary<string, float[]> vectors, int self, int take)
    {
        // Brute force is fine here: ~12k claims × 384 dimensions, once per run.
        var best = new PriorityQueue<int, float>();
        for (var i = 0; i < claims.Count; i++)
        {
            if (i == self)
            {
                continue;
            }
            var similarity = Dot(vector, vectors[claims[i].Claim]);
            best.Enqueue(i, similarity);
            if (best.Count > take)
            {
                best.Dequeue();
            }
        }
        var result = new List<(int Index, float Similarity)>();
        while (best.TryDequeue(out var i, out var s))
        {
            result.Add((i, s));
        }
        return result.OrderByDescending(r => r.Similarity).Select(r => r.Index);
    }

    private static float Dot(float[] a, float[] b)
    {
        var width = System.Numerics.Vector<float>.Count;
        var sum = System.Numerics.Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - width; i += width)
        {
            sum += new System.Numerics.Vector<float>(a, i) * new System.Numerics.Vector<float>(b, i);
        }
        var total = System.Numerics.Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }
        return total;
    }

    /// <summary>FEVER joins several evidence sentences into one premise: compare them sentence by sentence.</summary>
    private static HashSet<string> SentencesOf(IEnumerable<string> premises) =>
        premises.SelectMany(p => p.Split(". ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(s => s.TrimEnd('.'))
            .Where(s => s.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
}
