using System.Globalization;
using Npgsql;
using Pgvector;

namespace TruthGraph.Api.Benchmark.Retrieval;

/// <summary>
/// Loads a synthetic corpus of each size into the real <c>evidence</c> table through the store's own batch upsert,
/// then for each storage builds one HNSW index and runs the queries at each <c>hnsw.ef_search</c>, timing every query
/// from the client and scoring it against the exact neighbours. Everything else in the table is removed first: run it
/// against a throwaway database only.
/// </summary>
public sealed class RetrievalBenchmark(NpgsqlDataSource dataSource, SyntheticCorpus corpus, IReadOnlyList<string> texts,
    IReadOnlyList<float[]> queries, BenchmarkPlan plan, TextWriter log)
{
    private const int FilteredSourceIndex = 0;
    private static readonly string FilteredSource = $"bench-{FilteredSourceIndex}";

    public async Task<RetrievalReport> RunAsync(CancellationToken cancellationToken)
    {
        var loads = new List<LoadMeasurement>();
        var indexes = new List<IndexMeasurement>();
        var results = new List<QueryMeasurement>();
        foreach (var size in plan.Sizes)
        {
            var (exact, exactFiltered) = ExactNeighboursOf(size);
            var load = await LoadAsync(size, cancellationToken);
            loads.Add(load);
            log.WriteLine($"[{size}] ingested {load.RowsPerSecond:F0} sentences/s ({load.IngestSeconds:F1} s); table {Mib(load.TableBytes)} MiB");
            foreach (var storage in plan.Storages)
            {
                var index = await BuildIndexAsync(size, storage, cancellationToken);
                indexes.Add(index);
                log.WriteLine($"[{size}] {Name(storage)}: HNSW build {index.BuildSeconds:F1} s, index {Mib(index.IndexBytes)} MiB");
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                await RunQueriesAsync(connection, storage, QueryFilter.None, cancellationToken); // warm the cache once
                foreach (var ef in plan.EfSearch)
                {
                    await ExecuteAsync(connection, $"SET hnsw.ef_search = {ef}", cancellationToken);
                    foreach (var filter in Enum.GetValues<QueryFilter>())
                    {
                        var (found, latencies) = await RunQueriesAsync(connection, storage, filter, cancellationToken);
                        var truth = filter == QueryFilter.None ? exact : exactFiltered;
                        var measurement = new QueryMeasurement(size, storage, ef, filter, RetrievalStats.RecallAtK(found, truth),
                            RetrievalStats.Percentile(latencies, 50), RetrievalStats.Percentile(latencies, 95), found.Average(f => f.Count));
                        results.Add(measurement);
                        log.WriteLine($"[{size}] {Name(storage)} ef_search={ef} {filter}: recall@{plan.K} {measurement.RecallAtK:F3}, " +
                                      $"p50 {measurement.P50Milliseconds:F2} ms, p95 {measurement.P95Milliseconds:F2} ms, {measurement.MeanReturned:F1} returned");
                    }
                }
                await ExecuteAsync(connection, "DROP INDEX bench_hnsw_idx", cancellationToken);
            }
        }
        return new RetrievalReport(loads, indexes, results);
    }

    private (IReadOnlyList<HashSet<int>> All, IReadOnlyList<HashSet<int>> Filtered) ExactNeighboursOf(int size)
    {
        var clock = Stopwatch.StartNew();
        var all = new ExactNeighbours(queries, plan.K);
        var filtered = new ExactNeighbours(queries, plan.K);
        var rows = corpus.Rows(size).ToList();
        all.AddAll(rows, _ => true);
        filtered.AddAll(rows, row => SyntheticCorpus.SourceOf(row) == FilteredSourceIndex);
        log.WriteLine($"[{size}] exact neighbours of {queries.Count} queries by brute force in {clock.Elapsed.TotalSeconds:F1} s");
        return (all.Result(), filtered.Result());
    }

    private async Task<LoadMeasurement> LoadAsync(int size, CancellationToken cancellationToken)
    {
        // The HNSW index is built after the load, as a bulk import would: inserting into a large graph row by row is
        // what an index build avoids.
        await ExecuteAsync("""
            TRUNCATE evidence, documents CASCADE;
            DO $$ DECLARE r record; BEGIN
                FOR r IN SELECT indexname FROM pg_indexes WHERE tablename = 'evidence' AND indexdef ILIKE '%USING hnsw%' LOOP
                    EXECUTE format('DROP INDEX %I', r.indexname);
                END LOOP;
            END $$;
            """, cancellationToken);
        var store = new PgvectorEvidenceStore(dataSource);
        var batch = new List<EvidenceRecord>(plan.BatchSize);
        var clock = Stopwatch.StartNew();
        var row = 0;
        foreach (var vector in corpus.Rows(size))
        {
            batch.Add(new EvidenceRecord(SourceName(row), row.ToString(CultureInfo.InvariantCulture), texts[corpus.RealIndexOf(row)],
                vector, EmbeddingDefaults.ModelId, null, null));
            row++;
            if (batch.Count == plan.BatchSize || row == size)
            {
                await store.UpsertBatchAsync(batch, null, cancellationToken);
                batch.Clear();
            }
        }
        var seconds = clock.Elapsed.TotalSeconds;
        await ExecuteAsync("VACUUM ANALYZE evidence", cancellationToken);
        var tableBytes = await ScalarAsync<long>("SELECT pg_table_size('evidence')", cancellationToken);
        return new LoadMeasurement(size, seconds, size / seconds, tableBytes);
    }

    private async Task<IndexMeasurement> BuildIndexAsync(int size, VectorStorage storage, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, $"SET maintenance_work_mem = '{plan.MaintenanceWorkMem}'", cancellationToken);
        await ExecuteAsync(connection, $"SET max_parallel_maintenance_workers = {plan.ParallelMaintenanceWorkers}", cancellationToken);
        var clock = Stopwatch.StartNew();
        await ExecuteAsync(connection, $"CREATE INDEX bench_hnsw_idx ON evidence USING hnsw ({IndexedExpression(storage)}) " +
                                       $"WITH (m = {plan.M}, ef_construction = {plan.EfConstruction})", cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        var bytes = await ScalarAsync<long>("SELECT pg_relation_size('bench_hnsw_idx')", cancellationToken);
        return new IndexMeasurement(size, storage, seconds, bytes);
    }

    private async Task<(List<IReadOnlyCollection<int>> Found, List<double> Latencies)> RunQueriesAsync(NpgsqlConnection connection,
        VectorStorage storage, QueryFilter filter, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, filter == QueryFilter.SourceWithIterativeScan
            ? "SET hnsw.iterative_scan = relaxed_order" : "SET hnsw.iterative_scan = off", cancellationToken);
        // relaxed_order may return rows slightly out of order: the outer ORDER BY puts them back, as pgvector advises.
        var sql = $"""
            WITH nearest AS MATERIALIZED (
                SELECT external_id, {Distance(storage)} AS distance FROM evidence
                {(filter == QueryFilter.None ? "" : "WHERE source = @source")}
                ORDER BY {Distance(storage)} LIMIT @k)
            SELECT external_id FROM nearest ORDER BY distance
            """;
        var found = new List<IReadOnlyCollection<int>>(queries.Count);
        var latencies = new List<double>(queries.Count);
        foreach (var query in queries)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            command.Parameters.AddWithValue("query", new Vector(query));
            command.Parameters.AddWithValue("k", plan.K);
            command.Parameters.AddWithValue("source", FilteredSource);
            var rows = new List<int>(plan.K);
            var clock = Stopwatch.StartNew();
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(int.Parse(reader.GetString(0), CultureInfo.InvariantCulture));
                }
            }
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            found.Add(rows);
        }
        return (found, latencies);
    }

    public static string IndexedExpression(VectorStorage storage) => storage == VectorStorage.Halfvec
        ? "(embedding::halfvec(384)) halfvec_cosine_ops"
        : "embedding vector_cosine_ops";

    private static string Distance(VectorStorage storage) => storage == VectorStorage.Halfvec
        ? "embedding::halfvec(384) <=> @query::halfvec(384)"
        : "embedding <=> @query";

    public static string SourceName(int row) => $"bench-{SyntheticCorpus.SourceOf(row)}";

    public static string Name(VectorStorage storage) => storage.ToString().ToLowerInvariant();

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("F1", CultureInfo.InvariantCulture);

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
