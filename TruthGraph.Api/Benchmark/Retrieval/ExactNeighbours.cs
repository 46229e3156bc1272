using System.Numerics;

namespace TruthGraph.Api.Benchmark.Retrieval;

/// <summary>
/// The true k nearest rows of every query by cosine similarity, found by comparing each query with every row in full
/// precision (a brute-force scan in memory over the same rows the database holds). Rows are fed one at a time so a
/// corpus of millions never has to be held at once. Vectors must be L2-normalised: similarity is then the dot product.
/// </summary>
public sealed class ExactNeighbours
{
    private readonly IReadOnlyList<float[]> queries;
    private readonly int k;
    private readonly PriorityQueue<int, float>[] best;

    public ExactNeighbours(IReadOnlyList<float[]> queries, int k)
    {
        this.queries = queries;
        this.k = k;
        best = queries.Select(_ => new PriorityQueue<int, float>(k + 1)).ToArray();
    }

    public void Add(int row, float[] vector)
    {
        for (var q = 0; q < queries.Count; q++)
        {
            Offer(q, row, vector);
        }
    }

    /// <summary>Rows 0..n-1 of <paramref name="rows"/> that <paramref name="include"/> accepts, the queries spread over the cores.</summary>
    public void AddAll(IReadOnlyList<float[]> rows, Func<int, bool> include) =>
        Parallel.For(0, queries.Count, q =>
        {
            for (var row = 0; row < rows.Count; row++)
            {
                if (include(row))
                {
                    Offer(q, row, rows[row]);
                }
            }
        });

    private void Offer(int q, int row, float[] vector)
    {
        var similarity = Dot(queries[q], vector);
        var heap = best[q]; // a min-heap: its top is the weakest of the k kept so far
        if (heap.Count < k)
        {
            heap.Enqueue(row, similarity);
        }
        else if (heap.TryPeek(out _, out var weakest) && similarity > weakest)
        {
            heap.DequeueEnqueue(row, similarity);
        }
    }

    /// <summary>Each query's k nearest rows (as a set: recall does not depend on their order).</summary>
    public IReadOnlyList<HashSet<int>> Result() =>
        best.Select(heap => heap.UnorderedItems.Select(item => item.Element).ToHashSet()).ToList();

    public static float Dot(float[] a, float[] b)
    {
        var sum = Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a, i) * new Vector<float>(b, i);
        }
        var total = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }
        return total;
    }
}
