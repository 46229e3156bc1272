using TruthGraph.Api.Verification.Wording;

namespace TruthGraph.Api.UnitTests.Verification;

public sealed class AppositionTests
{
    [Theory]
    [InlineData("Mount Kenya is the highest mountain in Africa.",
        "Mount Kilimanjaro, a dormant volcano in north-eastern Tanzania, is the highest mountain in Africa.", WordingMatch.SwapsName)]
    [InlineData("Lake Titicaca lies about 4,500 metres above sea level.",
        "Lake Titicaca, on the border between Peru and Bolivia, lies about 3,810 metres above sea level.", WordingMatch.SwapsNumber)]
    [InlineData("The Golden Gate Bridge opened to traffic in 1937.",
        "The Golden Gate Bridge, which spans the entrance to San Francisco Bay, opened to traffic in 1937.", WordingMatch.RestatesClaim)]
    public void A_phrase_between_commas_after_the_subject_does_not_hide_a_near_copy(string claim, string evidence, WordingMatch expected) =>
        Assert.Equal(expected, WordingCheck.Compare(claim, evidence));

    [Theory]
    // "(born 14 April 1949)" holds the very date the claim is about: a phrase with a date or number is never dropped.
    [InlineData("Dave Gibbons was born in April.",
        "David Chester \"Dave\" Gibbons (born 14 April 1949) is an English comic book artist, writer and sometimes letterer.")]
    public void Sentences_without_such_a_phrase_are_read_as_they_are(string claim, string evidence) =>
        Assert.Equal(WordingMatch.None, WordingCheck.Compare(claim, evidence));

    [Fact]
    public void Only_the_phrase_right_after_a_named_subject_is_dropped()
    {
        var words = ContentWords.Of("Mount Everest, on the border between Nepal and China, is the highest mountain above sea level.");

        var mainClause = Apposition.Drop(words);

        Assert.NotNull(mainClause);
        var withoutPhrase = ContentWords.Of("Mount Everest is the highest mountain above sea level.");
        Assert.Equal(withoutPhrase.Select(w => w.Key), mainClause.Select(w => w.Key));
        Assert.Null(Apposition.Drop(withoutPhrase));
    }
}
