namespace TruthGraph.Api.UnitTests.Ingestion.Parsing;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("Sea level rose 3.1 mm per year. It is still rising.", 2)]
    [InlineData("Plants need nutrients, e.g. nitrogen and phosphorus. Farmers add them.", 2)]
    [InlineData("Dr. Smith met Prof. Jones in St. Louis. They talked.", 2)]
    [InlineData("J. R. R. Tolkien wrote The Hobbit. It appeared in 1937.", 2)]
    [InlineData("The U.S. Senate voted. The bill passed.", 2)]
    [InlineData("Is it warm? Yes! It is.", 3)]
    [InlineData("He said \"It is late.\" Then he left.", 2)]
    [InlineData("No full stop at the end", 1)]
    [InlineData("Temperatures rose by approx. 1.1 degrees since 1850.", 1)]
    public void Splits_at_sentence_ends_only(string text, int expected)
    {
        var sentences = SentenceSplitter.Split(text);
        Assert.Equal(expected, sentences.Count);
    }

    [Fact]
    public void Keeps_decimals_abbreviations_and_initials_inside_sentences_and_breaks_paragraphs()
    {
        var sentences = SentenceSplitter.Split("Dr. Ada Lovelace wrote notes in 1843, i.e. before computers existed\n\nJ. S. Bach composed 3.5 hours of music. Done.");
        Assert.Equal(
            ["Dr. Ada Lovelace wrote notes in 1843, i.e. before computers existed", "J. S. Bach composed 3.5 hours of music.", "Done."],
            sentences);
    }
}
