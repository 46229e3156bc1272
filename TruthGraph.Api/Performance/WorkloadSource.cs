using Npgsql;
using TruthGraph.Api.SampleData;

namespace TruthGraph.Api.Performance;

/// <summary>
/// The texts measurements run on: evidence sentences from the corpus (the texts the service really embeds and
/// classifies), topped up from the sample corpus shipped with the API when the store holds fewer; claims from the
/// sample claims. Without a database (the <c>perf</c> command without --connection) only the sample data is used.
/// </summary>
public sealed class WorkloadSource(NpgsqlDataSource? dataSource)
{
    public async Task<IReadOnlyList<string>> EvidenceTextsAsync(int count, CancellationToken cancellationToken)
    {
        var texts = new List<string>(count);
        if (dataSource is not null)
        {
            // A fixed pseudo-random spread over the whole store, so that one source's first rows do not make the workload.
            await using var command = dataSource.CreateCommand("SELECT text FROM evidence ORDER BY hashtext(source || external_id) LIMIT @n");
            command.Parameters.AddWithValue("n", count);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                texts.Add(reader.GetString(0));
            }
        }
        if (texts.Count < count)
        {
            var sample = SampleDataFiles.ParseCorpus();
            texts.AddRange(sample.Sentences.Select(s => s.Text).Where(t => !texts.Contains(t)).Take(count - texts.Count));
        }
        return texts;
    }

    /// <summary><paramref name="count"/> claims, the sample claims in turn (repeated when more are asked for than there are).</summary>
    public static IReadOnlyList<string> Claims(int count)
    {
        var claims = SampleDataFiles.ReadClaims().Select(c => c.Claim).ToList();
        return Enumerable.Range(0, count).Select(i => claims[i % claims.Count]).ToList();
    }

    public async Task<long> EvidenceCountAsync(CancellationToken cancellationToken)
    {
        if (dataSource is null)
        {
            return 0;
        }
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM evidence");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
