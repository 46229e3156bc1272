namespace TruthGraph.Api.Benchmark.Retrieval;

/// <summary>How the vectors are indexed: full-precision <c>vector</c>, or an index on the <c>halfvec</c> (16-bit) cast of the same column.</summary>
public enum VectorStorage { Vector, Halfvec }

/// <summary>Which rows a query may return: any, or one source's, with or without pgvector's iterative index scan.</summary>
public enum QueryFilter { None, SourceWithoutIterativeScan, SourceWithIterativeScan }

public sealed record BenchmarkPlan(IReadOnlyList<int> Sizes, IReadOnlyList<VectorStorage> Storages, IReadOnlyList<int> EfSearch,
    int M, int EfConstruction, int K, int BatchSize, string MaintenanceWorkMem, int ParallelMaintenanceWorkers);

public sealed record LoadMeasurement(int Rows, double IngestSeconds, double RowsPerSecond, long TableBytes);

public sealed record IndexMeasurement(int Rows, VectorStorage Storage, double BuildSeconds, long IndexBytes);

public sealed record QueryMeasurement(int Rows, VectorStorage Storage, int EfSearch, QueryFilter Filter, double RecallAtK,
    double P50Milliseconds, double P95Milliseconds, double MeanReturned);

public sealed record RetrievalReport(IReadOnlyList<LoadMeasurement> Loads, IReadOnlyList<IndexMeasurement> Indexes,
    IReadOnlyList<QueryMeasurement> Queries);
