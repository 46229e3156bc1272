using System.Text;

namespace TruthGraph.Api.UnitTests.Ingestion.Parsing;

/// <summary>A rejected JSON line's reason reads as a sentence with an editor's character position, not the JSON reader's coordinates.</summary>
public sealed class JsonLineReasonsTests
{
    private static string ReasonFor(IngestionFormat format, string line) =>
        Assert.Single(IngestionFormats.Parse(format, Encoding.UTF8.GetBytes(line), new ParseOptions("upload", null)).Errors).Reason;

    [Theory]
    [InlineData("not json", "is not valid JSON at character 2: 'not json' is an invalid JSON literal")]
    [InlineData("""{"text": "Grüße aus Köln." x}""", "is not valid JSON at character 28: 'x' is invalid after a value")]
    [InlineData("""{"text": "unfinished""", "is not valid JSON at character ")]
    public void A_line_that_is_not_json_is_named_by_character_without_reader_coordinates(string line, string start)
    {
        foreach (var format in new[] { IngestionFormat.JsonLines, IngestionFormat.ClimateFever })
        {
            var reason = ReasonFor(format, line);

            Assert.StartsWith(start, reason);
            Assert.DoesNotContain("LineNumber", reason);
            Assert.DoesNotContain("BytePositionInLine", reason);
            Assert.DoesNotContain("Path:", reason);
            Assert.EndsWith("Each line must be one object such as {\"text\": \"A sentence.\"}", reason);
        }
    }
}
