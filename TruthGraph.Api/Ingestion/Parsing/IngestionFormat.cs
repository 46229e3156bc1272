using System.Text;

namespace TruthGraph.Api.Ingestion.Parsing;

public enum IngestionFormat
{
    JsonLines,
    Csv,
    PlainText,
    ClimateFever,
}

/// <summary>Names of the formats on the wire, and the one entry point that parses an upload of any of them.</summary>
public static class IngestionFormats
{
    public static readonly IReadOnlyDictionary<string, IngestionFormat> ByName = new Dictionary<string, IngestionFormat>(StringComparer.OrdinalIgnoreCase)
    {
        ["jsonl"] = IngestionFormat.JsonLines,
        ["ndjson"] = IngestionFormat.JsonLines,
        ["csv"] = IngestionFormat.Csv,
        ["text"] = IngestionFormat.PlainText,
        ["txt"] = IngestionFormat.PlainText,
        ["climate-fever"] = IngestionFormat.ClimateFever,
    };

    public static string Name(IngestionFormat format) => format switch
    {
        IngestionFormat.JsonLines => "jsonl",
        IngestionFormat.Csv => "csv",
        IngestionFormat.PlainText => "text",
        IngestionFormat.ClimateFever => "climate-fever",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    /// <summary>The format a content type or file name implies, for uploads that do not say <c>format=</c>.</summary>
    public static IngestionFormat? Infer(string? contentType, string? fileName)
    {
        var mediaType = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        switch (mediaType)
        {
            case "application/x-ndjson" or "application/jsonl" or "application/jsonlines" or "application/x-jsonlines":
                return IngestionFormat.JsonLines;
            case "text/csv":
                return IngestionFormat.Csv;
            case "text/plain":
                return IngestionFormat.PlainText;
        }
        return Path.GetExtension(fileName ?? "").ToLowerInvariant() switch
        {
            ".jsonl" or ".ndjson" => IngestionFormat.JsonLines,
            ".csv" => IngestionFormat.Csv,
            ".txt" => IngestionFormat.PlainText,
            _ => null,
        };
    }

    public static ParseResult Parse(IngestionFormat format, byte[] payload, ParseOptions options)
    {
        // detectEncodingFromByteOrderMarks: files saved by spreadsheet programs often start with a UTF-8 BOM.
        using var reader = new StreamReader(new MemoryStream(payload, writable: false), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return format switch
        {
            IngestionFormat.JsonLines => JsonLinesParser.Parse(reader, options),
            IngestionFormat.Csv => CsvParser.Parse(reader, options),
            IngestionFormat.PlainText => PlainTextParser.Parse(reader.ReadToEnd(), options),
            IngestionFormat.ClimateFever => ClimateFeverParser.Parse(reader, options),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }
}
