using TruthGraph.Api.Verification.Wording;

namespace TruthGraph.Api.UnitTests.Verification;

public sealed class SourceAttributionTests
{
    [Theory]
    [InlineData("Most reference works list the Nile, at about 6,650 kilometres, as the longest river in the world.")]
    [InlineData("Some historians date the birth of Genghis Khan to 1162.")]
    [InlineData("Many textbooks and popular sources have long stated that the human body contains about 100 trillion cells.")]
    [InlineData("A 2019 study showed that Antarctica is losing ice six times faster than it was 40 years ago.")]
    [InlineData("A British colonial survey in 1952 gave the height of Kilimanjaro's summit as 5,895 metres.")]
    [InlineData("In 2002 the Indonesian government estimated that the country had 17,508 islands.")]
    [InlineData("Some astronauts have reported seeing the Great Wall of China from low Earth orbit under ideal lighting conditions.")]
    [InlineData("Several witnesses described a second explosion.")]
    public void A_sentence_that_gives_a_sources_account_cites_it(string sentence) =>
        Assert.True(SourceAttribution.Cites(sentence));

    [Theory]
    [InlineData("The Nile is the longest river in Africa.")]
    [InlineData("The adult human skeleton usually has 206 bones.")]
    // "studio" and "reporter" are no source of accounts: whole words only.
    [InlineData("The studio reporter film was released in 2014.")]
    public void A_plain_statement_cites_no_source(string sentence) =>
        Assert.False(SourceAttribution.Cites(sentence));
}
