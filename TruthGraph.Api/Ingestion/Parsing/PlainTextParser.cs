namespace TruthGraph.Api.Ingestion.Parsing;

/// <summary>
/// Plain text: the upload is one document, split into sentences. The document is named by the upload's title, or by
/// a hash of its content when it has none; sentence ids are "document#n", so re-uploading the same text dedupes.
/// Line numbers are where each sentence starts.
/// </summary>
public static class PlainTextParser
{
    public static ParseResult Parse(string content, ParseOptions options)
    {
        var sentences = new List<ParsedSentence>();
        var errors = new List<IngestionError>();
        var documentId = string.IsNullOrWhiteSpace(options.Title) ? SentenceRules.ContentId(content) : options.Title.Trim();
        var searchFrom = 0;
        var index = 0;
        foreach (var sentence in SentenceSplitter.Split(content))
        {
            index++;
            var line = LineOf(content, sentence, ref searchFrom);
            if (SentenceRules.Validate(line, sentence, null, null) is { } invalid)
            {
                errors.Add(invalid);
                continue;
            }
            sentences.Add(new ParsedSentence(line, options.DefaultSource, $"{documentId}#{index}", sentence, documentId, options.Title?.Trim()));
        }
        if (sentences.Count == 0 && errors.Count == 0)
        {
            errors.Add(new IngestionError(1, "text", "contains no sentences"));
        }
        return new ParseResult(sentences, errors);
    }

    // The splitter flattens whitespace, so the sentence is found again by its first word, scanning forward only.
    private static int LineOf(string content, string sentence, ref int searchFrom)
    {
        var firstWord = sentence.Split(' ', 2)[0];
        var at = content.IndexOf(firstWord, searchFrom, StringComparison.Ordinal);
        if (at < 0)
        {
            at = searchFrom;
        }
        searchFrom = at + firstWord.Length;
        var line = 1;
        for (var i = 0; i < at && i < content.Length; i++)
        {
            if (content[i] == '\n')
            {
                line++;
            }
        }
        return line;
    }
}
