using TruthGraph.Api.Verification.Wording;

namespace TruthGraph.Api.UnitTests.Verification;

public sealed class RolesTests
{
    [Theory]
    [InlineData("France invaded Germany in 1940.", "Germany invaded France in 1940, defeating it within six weeks.")]
    [InlineData("Rio de Janeiro replaced Brasília as the capital of Brazil in 1960.", "Brasília replaced Rio de Janeiro as the capital of Brazil in 1960.")]
    [InlineData("Jacques Delors succeeded Jacques Santer as president of the European Commission.", "Jacques Santer succeeded Jacques Delors as president of the European Commission in 1995.")]
    public void The_claim_with_two_names_exchanged_is_a_contradiction(string claim, string evidence) =>
        Assert.Equal(WordingMatch.SwapsRoles, WordingCheck.Compare(claim, evidence));

    [Theory]
    // Relations that hold both ways round.
    [InlineData("Spain borders France.", "France borders Spain.")]
    [InlineData("France and Germany signed the treaty.", "Germany and France signed the treaty.")]
    [InlineData("Paul Allen founded Microsoft with Bill Gates.", "Bill Gates founded Microsoft with Paul Allen.")]
    // The same fact told the other way round, with other function words: no names traded places.
    [InlineData("Brazil's official language is Portuguese.", "Portuguese is the official language of Brazil.")]
    [InlineData("Charlton Heston was born in Illinois.", "Illinois born Charlton Heston was a 27-year-old actor.")]
    // The claim's own order is in the sentence too.
    [InlineData("France invaded Germany in 1940.", "France invaded Germany in 1940 after Germany invaded France in 1939.")]
    public void Names_in_other_places_are_no_exchange(string claim, string evidence) =>
        Assert.NotEqual(WordingMatch.SwapsRoles, WordingCheck.Compare(claim, evidence));

    [Theory]
    [InlineData("During photosynthesis, plants take in oxygen and release carbon dioxide.", "During photosynthesis, plants take in carbon dioxide and release oxygen.")]
    [InlineData("The caterpillar grows into a butterfly's egg.", "The butterfly's egg grows into a caterpillar.")]
    public void The_claim_with_two_other_things_exchanged_is_a_contradiction(string claim, string evidence) =>
        Assert.Equal(WordingMatch.SwapsRoles, WordingCheck.Compare(claim, evidence));

    [Theory]
    // Things of a list, in any order.
    [InlineData("The country exports oil, gas and coal.", "The country exports coal, gas and oil.")]
    // A passive says the same with other function words.
    [InlineData("Bacteria are killed by antibiotics.", "Antibiotics kill bacteria.")]
    // The sentence lacks one of the claim's words.
    [InlineData("Plants take in oxygen and quickly release carbon dioxide.", "Plants take in carbon dioxide and release oxygen.")]
    public void Other_things_in_other_places_are_no_exchange(string claim, string evidence) =>
        Assert.NotEqual(WordingMatch.SwapsRoles, WordingCheck.Compare(claim, evidence));

    [Theory]
    [InlineData("The Sun orbits the Earth.", "Earth completes one orbit around the Sun in about 365.25 days.")]
    public void The_claims_relation_between_two_names_told_the_other_way_round_is_a_contradiction(string claim, string evidence) =>
        Assert.Equal(WordingMatch.SwapsRoles, WordingCheck.Compare(claim, evidence));

    [Theory]
    [InlineData("The Earth orbits the Sun.", "Earth completes one orbit around the Sun in about 365.25 days.")]
    // A passive tells the claim's order the other way round.
    [InlineData("France invaded Germany.", "Germany was invaded by France in 1940.")]
    // The relation word names one of them ("founder", "born"), or opens a clause of its own.
    [InlineData("Don White is the founder of Greenpeace.", "Greenpeace founder Don White made a public statement.")]
    [InlineData("United Kingdom includes the Commonwealth Realms.", "She is Queen of the Commonwealth Realms, which includes the United Kingdom.")]
    public void A_relation_in_the_claims_order_or_read_otherwise_is_no_reversal(string claim, string evidence) =>
        Assert.NotEqual(WordingMatch.SwapsRoles, WordingCheck.Compare(claim, evidence));
}
