using TruthGraph.Api.Verification.Wording;

namespace TruthGraph.Api.UnitTests.Verification;

public sealed class DirectionTests
{
    [Theory]
    [InlineData("The Statue of Liberty was a gift from the United States to France.",
        "The Statue of Liberty was a gift from the people of France to the United States and was dedicated in 1886.")]
    [InlineData("Columbus sailed from the Caribbean to Spain in 1492.", "In 1492 Columbus sailed from Spain to the Caribbean.")]
    [InlineData("The Danube flows from the Black Sea to Germany.", "The Danube flows from Germany to the Black Sea, through ten countries.")]
    // A conversion the other way round, whose ends need no names.
    [InlineData("Photosynthesis converts oxygen into carbon dioxide.", "Photosynthesis converts carbon dioxide and water into sugars and oxygen using energy from sunlight.")]
    [InlineData("Wind turbines convert electricity into the kinetic energy of moving air.", "Wind turbines convert the kinetic energy of moving air into electricity.")]
    public void From_a_to_b_against_from_b_to_a_reverses_the_direction(string claim, string evidence) =>
        Assert.Equal(WordingMatch.ReversesDirection, WordingCheck.Compare(claim, evidence));

    [Theory]
    // The same direction.
    [InlineData("The Statue of Liberty was a gift from France to the United States.",
        "The Statue of Liberty was a gift from the people of France to the United States and was dedicated in 1886.")]
    // The sentence gives both directions.
    [InlineData("Flights from Paris to London take an hour.", "Flights from London to Paris take an hour, and from Paris to London too.")]
    // No name at one end, or another place altogether.
    [InlineData("Prices rose from low to high in Germany.", "Prices fell from high to low in Germany.")]
    [InlineData("The Danube flows from Austria to the Black Sea.", "The Rhine flows from Switzerland to the North Sea.")]
    // Years are a span, not a direction (Span.cs reads those).
    [InlineData("The war lasted from 1918 to 1914.", "The war lasted from 1914 to 1918.")]
    // A conversion the same way round, or by another subject than the claim's.
    [InlineData("Solar panels convert sunlight into electricity.", "Solar photovoltaic panels convert sunlight directly into electricity.")]
    [InlineData("Animals turn oxygen into carbon dioxide.", "Plants turn carbon dioxide into oxygen.")]
    public void Other_from_to_phrases_settle_no_direction(string claim, string evidence) =>
        Assert.NotEqual(WordingMatch.ReversesDirection, WordingCheck.Compare(claim, evidence));

    [Theory]
    [InlineData("Thunder is heard before lightning is seen.", "Light travels much faster than sound, which is why lightning is seen before its thunder is heard.")]
    [InlineData("Thunder comes before lightning.", "Light travels much faster than sound, which is why lightning is seen before its thunder is heard.")]
    [InlineData("Lightning is seen after its thunder is heard.", "Thunder is heard after lightning is seen.")]
    public void A_before_b_against_b_before_a_reverses_the_order(string claim, string evidence) =>
        Assert.Equal(WordingMatch.ReversesDirection, WordingCheck.Compare(claim, evidence));

    [Theory]
    // The same order, said with "after".
    [InlineData("Thunder is heard after lightning is seen.", "Light travels much faster than sound, which is why lightning is seen before its thunder is heard.")]
    // A date is no thing in an order.
    [InlineData("The war ended before 1900.", "In 1900, before the war ended, prices rose.")]
    public void The_same_order_or_a_date_reverses_nothing(string claim, string evidence) =>
        Assert.NotEqual(WordingMatch.ReversesDirection, WordingCheck.Compare(claim, evidence));
}
