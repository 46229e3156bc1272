namespace TruthGraph.Api.Ingestion.Parsing;

/// <summary>
/// JSON lines: one object per line, <c>{"text": "...", "id"?: "...", "source"?: "...", "title"?: "..."}</c>.
/// Blank lines are ignored; a line that is not such an object is reported with its number and skipped.
/// </summary>
public static class JsonLinesParser
{
    public static ParseResult Parse(TextReader reader, ParseOptions options)
    {
        var sentences = new List<ParsedSentence>();
        var errors = new List<IngestionError>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(line);
            }
            catch (JsonException ex)
            {
                errors.Add(new IngestionError(lineNumber, "json", JsonLineReasons.NotJson(ex, line)));
                continue;
            }
            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new IngestionError(lineNumber, "json", "must be a JSON object"));
                    continue;
                }
                var root = document.RootElement;
                if (!TryGetString(root, "text", lineNumber, out var text, out var error)
                    || !TryGetString(root, "id", lineNumber, out var id, out error)
                    || !TryGetString(root, "source", lineNumber, out var source, out error)
                    || !TryGetString(root, "title", lineNumber, out var title, out error))
                {
                    errors.Add(error!);
                    continue;
                }
                if (SentenceRules.Validate(lineNumber, text, id, source, title) is { } invalid)
                {
                    errors.Add(invalid);
                    continue;
                }
                var normalized = SentenceRules.Normalize(text!);
                var documentTitle = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
                sentences.Add(new ParsedSentence(lineNumber, source ?? options.DefaultSource, id ?? SentenceRules.ContentId(normalized),
                    normalized, documentTitle, documentTitle));
            }
        }
        return new ParseResult(sentences, errors);
    }

    // Ids may be numbers in real files ("id": 17); any other non-string value is a mistake worth reporting.
    private static bool TryGetString(JsonElement root, string name, int line, out string? value, out IngestionError? error)
    {
        value = null;
        error = null;
        if (!root.TryGetProperty(name, out var property) || property.ValueKind == JsonValueKind.Null)
        {
            return true;
        }
        switch (property.ValueKind)
        {
            case JsonValueKind.String:
                value = property.GetString();
                return true;
            case JsonValueKind.Number when name == "id":
                value = property.GetRawText();
                return true;
            default:
                error = new IngestionError(line, name, $"must be a string, not {property.ValueKind.ToString().ToLowerInvariant()}");
                return false;
        }
    }
}
