using nietras.SeparatedValues;

namespace TruthGraph.Api.Ingestion.Parsing;

/// <summary>
/// CSV with a header row naming the columns <c>text</c> (required), <c>id</c>, <c>source</c>, <c>title</c> in any order;
/// RFC 4180 quoting (Sep does the reading, so quoted commas and line breaks inside cells work). Line numbers are those
/// where each record starts in the file, header = line 1.
/// </summary>
public static class CsvParser
{
    public static ParseResult Parse(TextReader input, ParseOptions options)
    {
        var sentences = new List<ParsedSentence>();
        var errors = new List<IngestionError>();
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true, DisableColCountCheck = true }).From(input);
        if (reader.Header.IsEmpty)
        {
            errors.Add(new IngestionError(1, "header", "is missing: the first line must name the columns (text, id, source, title)"));
            return new ParseResult(sentences, errors);
        }
        if (!reader.Header.TryIndexOf("text", out var textColumn))
        {
            errors.Add(new IngestionError(1, "text", "column is missing from the header"));
            return new ParseResult(sentences, errors);
        }
        var idColumn = reader.Header.TryIndexOf("id", out var i) ? i : -1;
        var sourceColumn = reader.Header.TryIndexOf("source", out var s) ? s : -1;
        var titleColumn = reader.Header.TryIndexOf("title", out var t) ? t : -1;

        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
            {
                continue;
            }
            if (textColumn >= row.ColCount)
            {
                errors.Add(new IngestionError(line, "text", $"is missing: the record has {row.ColCount} of the header's {reader.Header.ColNames.Count} columns"));
                continue;
            }
            var text = row[textColumn].ToString();
            var id = Optional(row, idColumn);
            var source = Optional(row, sourceColumn);
            var title = Optional(row, titleColumn);
            if (SentenceRules.Validate(line, text, id, source) is { } invalid)
            {
                errors.Add(invalid);
                continue;
            }
            var normalized = SentenceRules.Normalize(text);
            sentences.Add(new ParsedSentence(line, source ?? options.DefaultSource, id ?? SentenceRules.ContentId(normalized),
                normalized, title, title));
        }
        return new ParseResult(sentences, errors);
    }

    // An empty optional cell means "not given", the same as a missing column.
    private static string? Optional(SepReader.Row row, int column)
    {
        if (column < 0 || column >= row.ColCount)
        {
            return null;
        }
        var value = row[column].ToString().Trim();
        return value.Length == 0 ? null : value;
    }
}
