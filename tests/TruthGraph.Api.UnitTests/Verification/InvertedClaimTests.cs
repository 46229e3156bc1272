using TruthGraph.Api.Verification.Wording;

namespace TruthGraph.Api.UnitTests.Verification;

public sealed class InvertedClaimTests
{
    [Theory]
    [InlineData("The capital of Australia is Sydney.", "Canberra is the capital city of Australia.", WordingMatch.SwapsName)]
    [InlineData("The largest planet in the Solar System is Saturn.", "Jupiter is the largest planet in the Solar System.", WordingMatch.SwapsName)]
    [InlineData("The author of Hamlet is Christopher Marlowe.", "William Shakespeare is the author of Hamlet.", WordingMatch.SwapsName)]
    [InlineData("The capital of Canada is not Toronto.", "Ottawa is the capital city of Canada.", WordingMatch.DeniesReplaced)]
    [InlineData("The capital of Spain is not Barcelona.", "Madrid, on the Manzanares, is the capital of Spain.", WordingMatch.DeniesReplaced)]
    public void A_claim_that_puts_its_name_last_is_read_the_other_way_round(string claim, string evidence, WordingMatch expected) =>
        Assert.Equal(expected, WordingCheck.Compare(claim, evidence));

    [Theory]
    // The same name: nothing to settle by the words.
    [InlineData("The capital of Australia is Canberra.", "Canberra is the capital city of Australia.")]
    // A predicate that names nothing, a place after a preposition, a passive.
    [InlineData("The Incredibles 2 is a film.", "The Incredibles 2 is an upcoming 2018 American 3D computer-animated superhero film.")]
    [InlineData("The Republic of Macedonia is in the Balkan Peninsula.", "Republika Makedonija is a country in the Balkan peninsula.")]
    [InlineData("Stadium Arcadium was released in 2006.", "The album was released on May 9, 2006, on Warner Bros.")]
    // The claim's number is in the sentence: "higher than 90%" does not swap it.
    [InlineData("The literacy rate in Cuba is 90%.", "By 1979, the literacy rate in Cuba was higher than 90%.")]
    // A subject with a clause of its own is no simple "A is B".
    [InlineData("The planet that is closest to the Sun is Venus.", "Mercury is the planet closest to the Sun.")]
    public void Other_claims_are_not_turned_round(string claim, string evidence) =>
        Assert.Equal(WordingMatch.None, WordingCheck.Compare(claim, evidence));

    [Fact]
    public void Only_a_simple_a_is_b_with_a_named_predicate_has_an_inverted_reading()
    {
        var inverted = InvertedClaim.Of("The capital of Canada is not Toronto.");
        Assert.NotNull(inverted);
        Assert.True(inverted.Negated);
        Assert.Equal(1, inverted.PredicateWords);
        Assert.Equal(["toronto", "capital", "canada"], inverted.Words.Select(w => w.Key));
        Assert.Null(InvertedClaim.Of("Whales are fish."));
        Assert.Null(InvertedClaim.Of("Mount Everest, the highest mountain, is in Nepal."));
    }
}
