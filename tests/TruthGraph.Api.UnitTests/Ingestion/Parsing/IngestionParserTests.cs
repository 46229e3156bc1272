using System.Text;

namespace TruthGraph.Api.UnitTests.Ingestion.Parsing;

public sealed class IngestionParserTests
{
    private static readonly ParseOptions Options = new("upload", null);

    private static ParseResult Parse(IngestionFormat format, string content, ParseOptions? options = null) =>
        IngestionFormats.Parse(format, Encoding.UTF8.GetBytes(content), options ?? Options);

    [Fact]
    public void Json_lines_keep_good_lines_and_report_bad_ones_with_line_numbers_and_fields()
    {
        var result = Parse(IngestionFormat.JsonLines, """
            {"id": "a", "text": "The first sentence.", "source": "s1", "title": "Doc"}
            {"text": ""}

            not json
            {"id": 7, "text": "  A sentence   with spaces.  "}
            {"text": 42}
            ["an array"]
            """);

        Assert.Equal([1, 5], result.Sentences.Select(s => s.Line));
        Assert.Equal(("s1", "a", "Doc"), (result.Sentences[0].Source, result.Sentences[0].ExternalId, result.Sentences[0].DocumentTitle));
        Assert.Equal(("upload", "7", "A sentence with spaces."), (result.Sentences[1].Source, result.Sentences[1].ExternalId, result.Sentences[1].Text));
        Assert.Equal([(2, "text"), (4, "json"), (6, "text"), (7, "json")], result.Errors.Select(e => (e.Line, e.Field)));
    }

    [Fact]
    public void Lines_without_an_id_get_a_content_id_that_is_stable_across_uploads()
    {
        var first = Parse(IngestionFormat.JsonLines, """{"text": "Same text."}""");
        var second = Parse(IngestionFormat.JsonLines, "\n\n{\"text\": \"Same  text.\"}");
        Assert.StartsWith("sha256:", first.Sentences[0].ExternalId);
        Assert.Equal(first.Sentences[0].ExternalId, second.Sentences[0].ExternalId);
    }

    [Fact]
    public void Csv_reads_quoted_cells_any_column_order_and_reports_bad_records_by_starting_line()
    {
        var result = Parse(IngestionFormat.Csv,
            "title,id,text\n" +
            "Doc,1,\"A sentence, with a comma.\"\n" +
            "Doc,2,\"A cell over\ntwo lines.\"\n" +
            "Doc,3,\n" +
            "Doc,4\n" +
            ",5,Last one.\n");

        Assert.Equal([("1", 2), ("2", 3), ("5", 7)], result.Sentences.Select(s => (s.ExternalId, s.Line)));
        Assert.Equal("A sentence, with a comma.", result.Sentences[0].Text);
        Assert.Equal("A cell over two lines.", result.Sentences[1].Text);
        Assert.Null(result.Sentences[2].DocumentTitle);
        Assert.Equal([(5, "text"), (6, "text")], result.Errors.Select(e => (e.Line, e.Field)));
    }

    [Fact]
    public void Csv_without_a_text_column_is_rejected_at_the_header()
    {
        var result = Parse(IngestionFormat.Csv, "id,body\n1,hello\n");
        Assert.Empty(result.Sentences);
        Assert.Equal((1, "text"), (result.Errors.Single().Line, result.Errors.Single().Field));
    }

    [Fact]
    public void Plain_text_becomes_one_document_of_numbered_sentences_with_their_lines()
    {
        var result = Parse(IngestionFormat.PlainText, "Dr. Who arrived. He left.\n\nThe end came\nlater.", new ParseOptions("notes", "My notes"));
        Assert.Equal(["Dr. Who arrived.", "He left.", "The end came later."], result.Sentences.Select(s => s.Text));
        Assert.Equal(["My notes#1", "My notes#2", "My notes#3"], result.Sentences.Select(s => s.ExternalId));
        Assert.Equal([1, 1, 3], result.Sentences.Select(s => s.Line));
        Assert.All(result.Sentences, s => Assert.Equal("My notes", s.DocumentExternalId));
    }

    [Fact]
    public void Climate_fever_imports_each_evidence_sentence_once_by_evidence_id()
    {
        var result = Parse(IngestionFormat.ClimateFever, """
            {"claim_id": "1", "claim": "c", "evidences": [{"evidence_id": "Sea:1", "article": "Sea", "evidence": "One."}, {"evidence_id": "Sea:2", "article": "Sea", "evidence": "Two."}]}
            {"claim_id": "2", "claim": "d", "evidences": [{"evidence_id": "Sea:1", "article": "Sea", "evidence": "One."}, {"evidence_id": "Ice:9", "article": "Ice", "evidence": ""}]}
            {"claim_id": "3"}
            """, new ParseOptions(ClimateFeverParser.DefaultSource, null));

        Assert.Equal(["Sea:1", "Sea:2"], result.Sentences.Select(s => s.ExternalId));
        Assert.All(result.Sentences, s => Assert.Equal(("climate-fever", "Sea"), (s.Source, s.DocumentExternalId)));
        Assert.Equal([(2, "evidences[1].evidence"), (3, "evidences")], result.Errors.Select(e => (e.Line, e.Field)));
    }

    [Theory]
    [InlineData("application/x-ndjson", null, IngestionFormat.JsonLines)]
    [InlineData("text/csv; charset=utf-8", null, IngestionFormat.Csv)]
    [InlineData("application/octet-stream", "notes.txt", IngestionFormat.PlainText)]
    public void The_format_can_be_inferred_from_the_content_type_or_file_name(string contentType, string? fileName, IngestionFormat expected) =>
        Assert.Equal(expected, IngestionFormats.Infer(contentType, fileName));
}
