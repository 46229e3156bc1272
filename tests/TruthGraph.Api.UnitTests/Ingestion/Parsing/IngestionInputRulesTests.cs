using System.Text;

namespace TruthGraph.Api.UnitTests.Ingestion.Parsing;

/// <summary>What the parsers refuse line by line: broken CSV quoting, control characters, titles; and where a file stops being UTF-8.</summary>
public sealed class IngestionInputRulesTests
{
    private static ParseResult Parse(IngestionFormat format, string content) =>
        IngestionFormats.Parse(format, Encoding.UTF8.GetBytes(content), new ParseOptions("upload", null));

    [Fact]
    public void An_unclosed_quote_is_reported_at_its_line_instead_of_swallowing_the_rest_of_the_file()
    {
        var result = Parse(IngestionFormat.Csv, "id,text\n1,\"never closed\n2,A sentence that would have been lost.\n");
        Assert.Empty(result.Sentences);
        Assert.Equal([(2, "text")], result.Errors.Select(e => (e.Line, e.Field)));
        Assert.Contains("quoting", result.Errors[0].Reason);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_broken_quoting_but_other_records_are_kept()
    {
        var result = Parse(IngestionFormat.Csv, "text,id\n\"closed\"junk,1\nA good one.,\"2\"\n");
        Assert.Equal([("2", "A good one.")], result.Sentences.Select(s => (s.ExternalId, s.Text)));
        Assert.Equal([(2, "text")], result.Errors.Select(e => (e.Line, e.Field)));
    }

    [Fact]
    public void Quoted_headers_doubled_quotes_and_stray_quotes_in_plain_cells_are_read()
    {
        var result = Parse(IngestionFormat.Csv, "\"id\",\"text\"\n\"1\",\"A \"\"quoted\"\" word, and a comma.\"\n2,He said \"hi\" there.\n");
        Assert.Equal(["A \"quoted\" word, and a comma.", "He said \"hi\" there."], result.Sentences.Select(s => s.Text));
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("{\"text\": \"nul \\u0000 inside\"}", "text")]
    [InlineData("{\"text\": \"bell \\u0007\"}", "text")]
    [InlineData("{\"text\": \"fine\", \"id\": \"a\\u0001b\"}", "id")]
    [InlineData("{\"text\": \"fine\", \"source\": \"s\\u001b\"}", "source")]
    [InlineData("{\"text\": \"fine\", \"title\": \"t\\u0000\"}", "title")]
    public void Control_characters_are_refused_in_every_field(string line, string field)
    {
        var result = Parse(IngestionFormat.JsonLines, line);
        Assert.Empty(result.Sentences);
        Assert.Equal([(1, field)], result.Errors.Select(e => (e.Line, e.Field)));
    }

    [Fact]
    public void Tabs_and_line_breaks_in_a_text_are_whitespace_not_control_characters()
    {
        var result = Parse(IngestionFormat.JsonLines, "{\"text\": \"two\\tparts\\nof it\"}");
        Assert.Equal("two parts of it", Assert.Single(result.Sentences).Text);
    }

    [Fact]
    public void A_title_longer_than_the_limit_is_refused()
    {
        var result = Parse(IngestionFormat.JsonLines, $"{{\"text\": \"fine\", \"title\": \"{new string('t', SentenceRules.MaxTitleLength + 1)}\"}}");
        Assert.Equal("title", Assert.Single(result.Errors).Field);
    }

    [Fact]
    public void The_first_invalid_utf8_byte_is_found_with_its_line()
    {
        byte[] bytes = [.. "ok\nstill ok\nbad "u8, 0xC3, 0x28, .. " here"u8];
        Assert.Equal((3, 16), Utf8Check.FirstInvalid(bytes));
        Assert.Null(Utf8Check.FirstInvalid("Zürich, 東京, emoji 🌍"u8));
        Assert.Equal((1, 0), Utf8Check.FirstInvalid([0xFF]));
    }
}
