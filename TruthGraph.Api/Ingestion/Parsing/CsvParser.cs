using nietras.SeparatedValues;

namespace TruthGraph.Api.Ingestion.Parsing;

/// <summary>
/// CSV with a header row naming the columns <c>text</c> (required), <c>id</c>, <c>source</c>, <c>title</c> in any order;
/// RFC 4180 quoting (Sep splits the records, so quoted commas and line breaks inside cells work). Line numbers are those
/// where each record starts in the file, header = line 1.
/// </summary>
public static class CsvParser
{
    public static ParseResult Parse(TextReader input, ParseOptions options)
    {
        var sentences = new List<ParsedSentence>();
        var errors = new List<IngestionError>();
        // Cells are read raw and unquoted here: Sep's own unescaping accepts broken quoting silently (an unclosed quote
        // swallows the rest of the file into one cell), and such a file must be reported, not half-ingested.
        using var reader = Sep.New(',').Reader(o => o with { Unescape = false, DisableColCountCheck = true }).From(input);
        if (reader.Header.IsEmpty)
        {
            errors.Add(new IngestionError(1, "header", "is missing: the first line must name the columns (text, id, source, title)"));
            return new ParseResult(sentences, errors);
        }
        var columns = reader.Header.ColNames.Select(name => CsvCell.TryUnquote(name, out var unquoted) ? unquoted.Trim() : name).ToList();
        var textColumn = columns.IndexOf("text");
        if (textColumn < 0)
        {
            errors.Add(new IngestionError(1, "text", "column is missing from the header"));
            return new ParseResult(sentences, errors);
        }
        var idColumn = columns.IndexOf("id");
        var sourceColumn = columns.IndexOf("source");
        var titleColumn = columns.IndexOf("title");

        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            if (row.ColCount == 1 && row[0].Span.IsWhiteSpace())
            {
                continue;
            }
            if (textColumn >= row.ColCount)
            {
                errors.Add(new IngestionError(line, "text", $"is missing: the record has {row.ColCount} of the header's {columns.Count} columns"));
                continue;
            }
            if (FirstBrokenCell(row, columns) is { } broken)
            {
                errors.Add(new IngestionError(line, broken, "has broken quoting: a quoted cell must end with its closing quote, and quotes inside it must be doubled"));
                continue;
            }
            CsvCell.TryUnquote(row[textColumn].ToString(), out var text);
            var id = Optional(row, idColumn);
            var source = Optional(row, sourceColumn);
            var title = Optional(row, titleColumn);
            if (SentenceRules.Validate(line, text, id, source, title) is { } invalid)
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

    private static string? FirstBrokenCell(SepReader.Row row, List<string> columns)
    {
        for (var i = 0; i < row.ColCount; i++)
        {
            if (!CsvCell.TryUnquote(row[i].ToString(), out _))
            {
                return i < columns.Count ? columns[i] : $"column {i + 1}";
            }
        }
        return null;
    }

    // An empty optional cell means "not given", the same as a missing column.
    private static string? Optional(SepReader.Row row, int column)
    {
        if (column < 0 || column >= row.ColCount)
        {
            return null;
        }
        CsvCell.TryUnquote(row[column].ToString(), out var value);
        value = value.Trim();
        return value.Length == 0 ? null : value;
    }
}

/// <summary>RFC 4180 quoting of one raw cell.</summary>
public static class CsvCell
{
    /// <summary>
    /// A cell that starts with a quote must end with one, with every quote between them doubled; it is returned without
    /// them. A cell that does not start with a quote is taken as it is (stray quotes inside plain text are common and harmless).
    /// </summary>
    public static bool TryUnquote(string raw, out string value)
    {
        value = raw;
        if (!raw.StartsWith('"'))
        {
            return true;
        }
        if (raw.Length < 2 || !raw.EndsWith('"'))
        {
            return false;
        }
        var inner = raw[1..^1];
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '"')
            {
                if (i + 1 >= inner.Length || inner[i + 1] != '"')
                {
                    return false;
                }
                i++;
            }
        }
        value = inner.Replace("\"\"", "\"", StringComparison.Ordinal);
        return true;
    }
}
