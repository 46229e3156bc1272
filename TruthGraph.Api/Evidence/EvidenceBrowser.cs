using Npgsql;

namespace TruthGraph.Api.Evidence;

/// <summary>One stored sentence as a reader browses it: no embedding, its document's id and title when it has one.</summary>
public sealed record EvidenceSentence(long Id, string Source, string ExternalId, string Text, string? DocumentExternalId, string? DocumentTitle);

/// <summary>A page of sentences, in a stable order (document, then id), with the total that matched.</summary>
public sealed record EvidenceSentencePage(IReadOnlyList<EvidenceSentence> Items, int Page, int PageSize, long Total);

/// <summary>
/// Reads the corpus page by page, by source and optionally by document: what a person looks through to see what the
/// corpus says, as opposed to the nearest-neighbour search that retrieval does.
/// </summary>
public sealed class EvidenceBrowser(NpgsqlDataSource dataSource)
{
    public async Task<EvidenceSentencePage> ListAsync(string? source, string? document, int page, int pageSize, CancellationToken cancellationToken)
    {
        // Filters on null parameters match everything, so one statement serves every combination.
        const string Filter = """
            FROM evidence e LEFT JOIN documents d ON d.id = e.document_id
            WHERE (@source::text IS NULL OR e.source = @source) AND (@document::text IS NULL OR d.external_id = @document)
            """;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        long total;
        await using (var count = new NpgsqlCommand($"SELECT count(*) {Filter}", connection))
        {
            AddFilters(count, source, document);
            total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }
        await using var command = new NpgsqlCommand($"""
            SELECT e.id, e.source, e.external_id, e.text, d.external_id, d.title
            {Filter}
            ORDER BY e.source, d.external_id NULLS LAST, e.id
            LIMIT @limit OFFSET @offset
            """, connection);
        AddFilters(command, source, document);
        command.Parameters.AddWithValue("limit", pageSize);
        command.Parameters.AddWithValue("offset", (long)(page - 1) * pageSize);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<EvidenceSentence>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(new EvidenceSentence(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return new EvidenceSentencePage(items, page, pageSize, total);
    }

    private static void AddFilters(NpgsqlCommand command, string? source, string? document)
    {
        command.Parameters.Add(new NpgsqlParameter("source", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)source ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("document", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)document ?? DBNull.Value });
    }
}
