using TruthGraph.Api.Verification.Wording;

namespace TruthGraph.Api.UnitTests.Verification;

public sealed class SpanTests
{
    [Theory]
    [InlineData("The American Civil War ended in 1865.", "The American Civil War was fought from 1861 to 1865.")]
    [InlineData("The American Civil War began in 1861.", "The American Civil War was fought from 1861 to 1865.")]
    [InlineData("The First World War started in 1914.", "The First World War was fought between 1914 and 1918.")]
    [InlineData("Sands Hotel and Casino opened in Las Vegas in 1952.", "The Sands Hotel and Casino in Las Vegas operated from 1952 to 1996.")]
    public void A_start_or_end_year_that_bounds_the_sentences_span_matches_it(string claim, string evidence) =>
        Assert.Equal(WordingMatch.MatchesSpan, WordingCheck.Compare(claim, evidence));

    [Theory]
    [InlineData("Queen Victoria's reign began in 1901.", "Queen Victoria reigned over the United Kingdom from 1837 until her death in 1901.")]
    [InlineData("The American Civil War ended in 1862.", "The American Civil War was fought from 1861 to 1865.")]
    [InlineData("Sands Hotel and Casino closed in 1952.", "The Sands Hotel and Casino in Las Vegas operated from 1952 to 1996.")]
    public void A_start_or_end_year_that_is_not_the_spans_bound_misses_it(string claim, string evidence) =>
        Assert.Equal(WordingMatch.MissesSpan, WordingCheck.Compare(claim, evidence));

    [Theory]
    // The claim's other words are not all in the sentence: "airing" is not "ran".
    [InlineData("Highway to Heaven began airing in 1994.", "Highway to Heaven is a drama series which ran on NBC from 1984 to 1989.")]
    // No span: one year only, or two that are not a span.
    [InlineData("The war ended in 1918.", "The war ended in 1918 with the armistice.")]
    [InlineData("The company started in 1990.", "The company had 10 staff in 1990 and 500 in 2000.")]
    // Neither a beginning nor an end, or a negation.
    [InlineData("The war was fought in 1862.", "The war was fought from 1861 to 1865.")]
    [InlineData("The war did not end in 1865.", "The war was fought from 1861 to 1865.")]
    // The claim's year is also given outside the span: the film may have begun then.
    [InlineData("Night of the Living Dead began as a 1968 film.", "Night of the Living Dead is a 1968 horror film, remade in colour from 1990 to 1991.")]
    [InlineData("Mozart began composing in 1781.", "Mozart began composing in 1761 and worked in Vienna from 1781 to 1791.")]
    // Two spans: which one the claim means is not for the words to say.
    [InlineData("The war ended in 1865.", "The war was fought from 1861 to 1865, and rebuilding lasted from 1865 to 1877.")]
    public void Other_sentences_say_nothing_of_a_span(string claim, string evidence) =>
        Assert.DoesNotContain(WordingCheck.Compare(claim, evidence), new[] { WordingMatch.MatchesSpan, WordingMatch.MissesSpan });
}
