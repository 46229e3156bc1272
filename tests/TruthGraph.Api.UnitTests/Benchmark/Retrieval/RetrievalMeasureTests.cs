using TruthGraph.Api.Benchmark.Retrieval;

namespace TruthGraph.Api.UnitTests.Benchmark.Retrieval;

public sealed class RetrievalMeasureTests
{
    private static float[] Unit(params float[] values)
    {
        var norm = MathF.Sqrt(values.Sum(v => v * v));
        return values.Select(v => v / norm).ToArray();
    }

    [Fact]
    public void Recall_counts_the_share_of_the_true_neighbours_found_per_query_and_averages_over_queries()
    {
        var exact = new List<HashSet<int>> { new() { 1, 2, 3, 4 }, new() { 5, 6, 7, 8 } };
        var found = new List<IReadOnlyCollection<int>> { new[] { 1, 2, 3, 9 }, new[] { 5, 6, 10, 11 } };

        Assert.Equal((0.75 + 0.5) / 2, RetrievalStats.RecallAtK(found, exact), 10);
    }

    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        var samples = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToList();

        Assert.Equal(50, RetrievalStats.Percentile(samples, 50));
        Assert.Equal(95, RetrievalStats.Percentile(samples, 95));
        Assert.Equal(100, RetrievalStats.Percentile(samples, 100));
    }

    [Fact]
    public void Exact_neighbours_are_the_k_rows_of_highest_cosine_similarity()
    {
        var rows = new[] { Unit(1, 0, 0), Unit(0, 1, 0), Unit(1, 1, 0), Unit(1, 0.1f, 0), Unit(0, 0, 1) };
        var neighbours = new ExactNeighbours([Unit(1, 0, 0), Unit(0, 0.2f, 1)], k: 2);
        for (var row = 0; row < rows.Length; row++)
        {
            neighbours.Add(row, rows[row]);
        }

        var result = neighbours.Result();
        Assert.Equal([0, 3], result[0].Order());
        Assert.Equal([1, 4], result[1].Order());
    }

    [Fact]
    public void The_synthetic_corpus_starts_with_the_real_vectors_and_grows_a_tree_of_unit_copies_at_the_stated_noise()
    {
        var random = new Random(1);
        var real = Enumerable.Range(0, 20).Select(_ => Unit(Enumerable.Range(0, 384).Select(_ => (float)random.NextDouble() - 0.5f).ToArray())).ToList();
        var corpus = new SyntheticCorpus(real, noiseNorm: 0.25, seed: 7);

        var rows = corpus.Rows(2000).ToList();

        Assert.Equal(2000, rows.Count);
        Assert.Same(real[3], rows[3]);
        Assert.Equal(-1, corpus.ParentOf(3));
        Assert.All(rows, r => Assert.Equal(1, Math.Sqrt(r.Sum(v => (double)v * v)), 4));
        // A row sits at cosine 1/sqrt(1 + 0.25²) ≈ 0.970 from the row it was copied from, give or take the noise's spread.
        var grown = Enumerable.Range(real.Count, rows.Count - real.Count).ToList();
        Assert.All(grown, row => Assert.InRange(corpus.ParentOf(row), 0, row - 1));
        Assert.InRange(grown.Average(row => ExactNeighbours.Dot(rows[row], rows[corpus.ParentOf(row)])), 0.96, 0.98);
        // Rows descend from many parents, not only from the real vectors, and carry the root they descend from.
        Assert.True(grown.Count(row => corpus.ParentOf(row) >= real.Count) > grown.Count / 2);
        Assert.All(grown, row => Assert.Equal(corpus.RealIndexOf(corpus.ParentOf(row)), corpus.RealIndexOf(row)));
        // Seeded, and each size a prefix of the next: the exact-neighbour pass relies on seeing the same rows.
        var again = new SyntheticCorpus(real, noiseNorm: 0.25, seed: 7);
        Assert.Equal(rows[1500], again.Rows(1600).ElementAt(1500));
        Assert.Equal(rows.Take(1000), corpus.Rows(1000));
        // Every source gets a share of the rows (the filtered search asks for one of ten).
        Assert.All(Enumerable.Range(0, 2000).GroupBy(SyntheticCorpus.SourceOf), g => Assert.InRange(g.Count(), 150, 250));
    }
}
