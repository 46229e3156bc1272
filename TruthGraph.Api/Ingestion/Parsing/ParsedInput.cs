using System.Security.Cryptography;
using System.Text;

namespace TruthGraph.Api.Ingestion.Parsing;

/// <summary>One evidence sentence read from an upload, with the line it came from.</summary>
public sealed record ParsedSentence(
    int Line, string Source, string ExternalId, string Text, string? DocumentExternalId, string? DocumentTitle);

/// <summary>A line that was rejected; the other lines of the file are still ingested.</summary>
public sealed record IngestionError(int Line, string Field, string Reason);

public sealed record ParseResult(IReadOnlyList<ParsedSentence> Sentences, IReadOnlyList<IngestionError> Errors);

/// <summary>What every parser is told about the upload as a whole.</summary>
public sealed record ParseOptions(string DefaultSource, string? Title);

/// <summary>Field rules shared by the parsers, so that every format rejects the same things for the same reasons.</summary>
public static class SentenceRules
{
    public const int MaxTextLength = 4000;
    public const int MaxIdLength = 300;
    public const int MaxSourceLength = 100;
    public const int MaxTitleLength = 500;

    /// <summary>A stable id for a line that has none: the same text always gets the same id, so re-ingesting dedupes.</summary>
    public static string ContentId(string text) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 12));

    /// <summary>Checks one record's fields; returns the first problem, or null.</summary>
    public static IngestionError? Validate(int line, string? text, string? id, string? source, string? title = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new IngestionError(line, "text", "is missing or empty");
        }
        if (text.Length > MaxTextLength)
        {
            return new IngestionError(line, "text", $"is longer than {MaxTextLength} characters");
        }
        // Line breaks and tabs inside a text are whitespace that Normalize folds; other control characters are not text.
        if (HasControlCharacters(text, allowWhitespace: true))
        {
            return new IngestionError(line, "text", "contains control characters");
        }
        if (id is not null && (id.Length == 0 || id.Length > MaxIdLength))
        {
            return new IngestionError(line, "id", $"must be 1 to {MaxIdLength} characters");
        }
        if (id is not null && HasControlCharacters(id, allowWhitespace: false))
        {
            return new IngestionError(line, "id", "contains control characters");
        }
        if (source is not null && CheckSource(source) is { } badSource)
        {
            return new IngestionError(line, "source", badSource);
        }
        if (title is not null && CheckTitle(title) is { } badTitle)
        {
            return new IngestionError(line, "title", badTitle);
        }
        return null;
    }

    /// <summary>Why a source name is refused, or null when it is fine.</summary>
    public static string? CheckSource(string source) =>
        string.IsNullOrWhiteSpace(source) || source.Length > MaxSourceLength ? $"must be 1 to {MaxSourceLength} characters"
        : HasControlCharacters(source, allowWhitespace: false) ? "contains control characters"
        : null;

    /// <summary>Why a document title is refused, or null when it is fine.</summary>
    public static string? CheckTitle(string title) =>
        title.Length > MaxTitleLength ? $"must be at most {MaxTitleLength} characters"
        : HasControlCharacters(title, allowWhitespace: true) ? "contains control characters"
        : null;

    public static bool HasControlCharacters(string value, bool allowWhitespace) =>
        value.Any(c => char.IsControl(c) && !(allowWhitespace && c is '\n' or '\r' or '\t'));

    /// <summary>Collapses runs of whitespace (line breaks inside a CSV cell, tabs) into single spaces.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
