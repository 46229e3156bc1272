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

    /// <summary>A stable id for a line that has none: the same text always gets the same id, so re-ingesting dedupes.</summary>
    public static string ContentId(string text) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 12));

    /// <summary>Checks one record's fields; returns the first problem, or null.</summary>
    public static IngestionError? Validate(int line, string? text, string? id, string? source)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new IngestionError(line, "text", "is missing or empty");
        }
        if (text.Length > MaxTextLength)
        {
            return new IngestionError(line, "text", $"is longer than {MaxTextLength} characters");
        }
        if (id is not null && (id.Length == 0 || id.Length > MaxIdLength))
        {
            return new IngestionError(line, "id", $"must be 1 to {MaxIdLength} characters");
        }
        if (source is not null && !IsValidSource(source))
        {
            return new IngestionError(line, "source", $"must be 1 to {MaxSourceLength} characters");
        }
        return null;
    }

    public static bool IsValidSource(string source) =>
        !string.IsNullOrWhiteSpace(source) && source.Length <= MaxSourceLength;

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
