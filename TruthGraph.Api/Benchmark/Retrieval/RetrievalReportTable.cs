using System.Globalization;

namespace TruthGraph.Api.Benchmark.Retrieval;

/// <summary>The benchmark's results as Markdown tables, the form docs/SCALING.md quotes them in.</summary>
public static class RetrievalReportTable
{
    public static void Write(RetrievalReport report, BenchmarkPlan plan, TextWriter output)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine("| sentences | ingestion (sentences/s) | table (MiB) | storage | HNSW build (s) | index (MiB) |");
        output.WriteLine("|---:|---:|---:|---|---:|---:|");
        foreach (var index in report.Indexes)
        {
            var load = report.Loads.First(l => l.Rows == index.Rows);
            output.WriteLine(string.Format(c, "| {0:N0} | {1:F0} | {2:F0} | {3} | {4:F1} | {5:F0} |", index.Rows, load.RowsPerSecond,
                load.TableBytes / 1048576.0, RetrievalBenchmark.Name(index.Storage), index.BuildSeconds, index.IndexBytes / 1048576.0));
        }
        output.WriteLine();
        output.WriteLine($"| sentences | storage | ef_search | filter | recall@{plan.K} | p50 (ms) | p95 (ms) | rows returned |");
        output.WriteLine("|---:|---|---:|---|---:|---:|---:|---:|");
        foreach (var q in report.Queries)
        {
            var filter = q.Filter switch
            {
                QueryFilter.None => "none",
                QueryFilter.SourceWithoutIterativeScan => "1 source of 10, iterative scan off",
                _ => "1 source of 10, iterative scan relaxed_order",
            };
            output.WriteLine(string.Format(c, "| {0:N0} | {1} | {2} | {3} | {4:F3} | {5:F1} | {6:F1} | {7:F1} |", q.Rows,
                RetrievalBenchmark.Name(q.Storage), q.EfSearch, filter, q.RecallAtK, q.P50Milliseconds, q.P95Milliseconds, q.MeanReturned));
        }
    }
}
