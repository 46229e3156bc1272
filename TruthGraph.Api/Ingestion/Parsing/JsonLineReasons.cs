using System.Text.Json;

namespace TruthGraph.Api.Ingestion.Parsing;

/// <summary>
/// Why a line is not JSON, said for the person who wrote the file. System.Text.Json's message ends in reader
/// coordinates ("Path: $ | LineNumber: 0 | BytePositionInLine: 1."): within one line the line number is always 0 and the
/// position counts bytes from zero, so they are replaced by the character position a text editor would show.
/// </summary>
public static class JsonLineReasons
{
    private static readonly string[] ReaderCoordinates = [" Path:", " | LineNumber:", " LineNumber:", " | BytePositionInLine:", " BytePositionInLine:"];

    public static string NotJson(JsonException exception, string line)
    {
        var message = exception.Message;
        foreach (var marker in ReaderCoordinates)
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                message = message[..at];
            }
        }
        message = message.Trim().TrimEnd('.');
        var character = exception.BytePositionInLine is { } bytes ? CharacterAt(line, (int)bytes) : (int?)null;
        var where = character is { } c ? $" at character {c}" : "";
        return $"is not valid JSON{where}: {message}. Each line must be one object such as {{\"text\": \"A sentence.\"}}";
    }

    /// <summary>The 1-based character position of a 0-based UTF-8 byte offset into <paramref name="line"/>.</summary>
    private static int CharacterAt(string line, int byteOffset)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(line);
        var prefix = Math.Clamp(byteOffset, 0, bytes.Length);
        return System.Text.Encoding.UTF8.GetCharCount(bytes, 0, prefix) + 1;
    }
}
