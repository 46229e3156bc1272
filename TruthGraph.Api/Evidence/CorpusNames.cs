using Npgsql;
using TruthGraph.Api.Verification.Wording;

namespace TruthGraph.Api.Evidence;

/// <summary>
/// The names the evidence writes in full, by their initials ("IPCC" → "Intergovernmental Panel on Climate Change"), so
/// that a claim that uses initials is embedded as the corpus would write it (<see cref="Initialism.Expand"/>). Read from
/// the evidence once per corpus version, and only when a claim with initials asks: a claim without any costs nothing.
/// Where a corpus writes two names with the same initials, the one it writes more often is taken; initials that the
/// corpus itself writes are not read as a name at all.
/// </summary>
/// <remarks>
/// Kept in memory rather than in a table: the index is a few entries per thousand sentences and is rebuilt from the
/// evidence itself, so it can never disagree with the corpus, and nothing has to be migrated or backfilled. Reading a
/// million sentences' texts takes seconds, once per change of the corpus; callers share one read.
/// </remarks>
public sealed class CorpusNames(NpgsqlDataSource dataSource)
{
    public static readonly ActivitySource ActivitySource = new("truthgraph.retrieve.names");

    private readonly Lock _gate = new();
    private (long Version, Task<IReadOnlyDictionary<string, string>> Names)? _current;

    /// <summary>The most written name for each initials in the corpus at <paramref name="corpusVersion"/>.</summary>
    public Task<IReadOnlyDictionary<string, string>> ForVersionAsync(long corpusVersion, CancellationToken cancellationToken)
    {
        Task<IReadOnlyDictionary<string, string>> names;
        lock (_gate)
        {
            if (_current is not { } current || current.Version != corpusVersion || current.Names.IsFaulted || current.Names.IsCanceled)
            {
                // Not tied to one caller's cancellation: the read serves every caller of this version.
                _current = (corpusVersion, ReadAsync(corpusVersion));
            }
            names = _current.Value.Names;
        }
        return names.WaitAsync(cancellationToken);
    }

    private async Task<IReadOnlyDictionary<string, string>> ReadAsync(long corpusVersion)
    {
        using var activity = ActivitySource.StartActivity("read corpus names");
        activity?.SetTag("truthgraph.corpus_version", corpusVersion);
        var counts = new Dictionary<(string Initials, string Name), int>();
        var written = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = dataSource.CreateCommand("SELECT text FROM evidence"))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var text = reader.GetString(0);
                foreach (var name in Initialism.NamesIn(text))
                {
                    counts[name] = counts.GetValueOrDefault(name) + 1;
                }
                written.UnionWith(Initialism.In(text));
            }
        }
        // Initials the corpus writes itself are left as the claim gives them: its sentences that use them are the ones to
        // find ("The KGB was governed by army laws …"), and a run of capitals with the same letters may be another name.
        var names = counts.Where(c => !written.Contains(c.Key.Initials)).GroupBy(c => c.Key.Initials, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Name, StringComparer.Ordinal).First().Key.Name,
                StringComparer.Ordinal);
        activity?.SetTag("truthgraph.names", names.Count);
        return names;
    }
}
