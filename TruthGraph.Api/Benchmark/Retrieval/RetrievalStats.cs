namespace TruthGraph.Api.Benchmark.Retrieval;

/// <summary>Recall against exact search and latency percentiles, the two numbers an index setting trades.</summary>
public static class RetrievalStats
{
    /// <summary>Mean over queries of |found ∩ exact| / |exact|: how many of the true k nearest the index returned.</summary>
    public static double RecallAtK(IReadOnlyList<IReadOnlyCollection<int>> found, IReadOnlyList<HashSet<int>> exact)
    {
        if (found.Count != exact.Count || found.Count == 0)
        {
            throw new ArgumentException("One result list per query is needed, and at least one query.", nameof(found));
        }
        return found.Select((rows, q) => exact[q].Count == 0 ? 1.0 : (double)rows.Count(exact[q].Contains) / exact[q].Count).Average();
    }

    /// <summary>The nearest-rank percentile (p in 0..100) of the samples.</summary>
    public static double Percentile(IReadOnlyCollection<double> samples, double p)
    {
        if (samples.Count == 0)
        {
            throw new ArgumentException("No samples.", nameof(samples));
        }
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
