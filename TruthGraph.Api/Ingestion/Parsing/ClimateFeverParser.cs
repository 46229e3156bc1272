namespace TruthGraph.Api.Ingestion.Parsing;

/// <summary>
/// The CLIMATE-FEVER JSON-lines format (one claim per line with five evidence sentences). Imports the evidence
/// sentences only, once each by <c>evidence_id</c> (the same sentence backs several claims); source "climate-fever"
/// unless the upload names another, external id = evidence_id, document = the Wikipedia article.
/// </summary>
public static class ClimateFeverParser
{
    public const string DefaultSource = "climate-fever";

    public static ParseResult Parse(TextReader reader, ParseOptions options)
    {
        var sentences = new List<ParsedSentence>();
        var errors = new List<IngestionError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                using var document = JsonDocument.Parse(line);
                if (!document.RootElement.TryGetProperty("evidences", out var evidences) || evidences.ValueKind != JsonValueKind.Array)
                {
                    errors.Add(new IngestionError(lineNumber, "evidences", "is missing or not an array"));
                    continue;
                }
                var position = 0;
                foreach (var evidence in evidences.EnumerateArray())
                {
                    position++;
                    var id = StringOrNull(evidence, "evidence_id");
                    var text = StringOrNull(evidence, "evidence");
                    if (id is null)
                    {
                        errors.Add(new IngestionError(lineNumber, $"evidences[{position - 1}].evidence_id", "is missing"));
                        continue;
                    }
                    if (SentenceRules.Validate(lineNumber, text, id, null) is { } invalid)
                    {
                        errors.Add(invalid with { Field = $"evidences[{position - 1}].{(invalid.Field == "text" ? "evidence" : "evidence_id")}" });
                        continue;
                    }
                    if (!seen.Add(id))
                    {
                        continue;
                    }
                    var article = StringOrNull(evidence, "article");
                    sentences.Add(new ParsedSentence(lineNumber, options.DefaultSource, id, SentenceRules.Normalize(text!), article, article));
                }
            }
            catch (JsonException ex)
            {
                errors.Add(new IngestionError(lineNumber, "json", JsonLineReasons.NotJson(ex, line)));
            }
            catch (InvalidOperationException)
            {
                errors.Add(new IngestionError(lineNumber, "json", "must be a JSON object"));
            }
        }
        return new ParseResult(sentences, errors);
    }

    private static string? StringOrNull(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
