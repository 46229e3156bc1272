using TruthGraph.Api.Verification.Wording;

namespace TruthGraph.Api.UnitTests.Verification;

public sealed class SuperlativeTests
{
    [Theory]
    [InlineData("No planet is closer to the Sun than Mercury.", "Mercury is the planet closest to the Sun.")]
    [InlineData("No mountain in Africa is taller than Kilimanjaro.", "Mount Kilimanjaro, a dormant volcano in north-eastern Tanzania, is the highest mountain in Africa.")]
    [InlineData("No living bird lays bigger eggs than the ostrich.", "The ostrich lays the largest eggs of any living bird.")]
    [InlineData("No river carries more water than the Amazon.", "The Amazon carries the most water of any river on Earth.")]
    [InlineData("No city lies farther south than Ushuaia.", "Ushuaia, in Argentina, is often called the southernmost city in the world.")]
    // "a sovereign state" is no reporting word.
    [InlineData("No capital of a sovereign state lies farther north than Iceland's capital, Reykjavik.",
        "Reykjavik, the capital of Iceland, is the northernmost capital city of a sovereign state.")]
    [InlineData("No country has won the World Cup more times than Brazil.", "Brazil has won the World Cup five times, more than any other country.")]
    // A leading phrase set off by a comma, whose words the sentence has too.
    [InlineData("By area, no independent state is smaller than Vatican City.",
        "Vatican City, an enclave within Rome, is the smallest independent state in the world by area.")]
    public void No_n_is_more_than_x_restates_x_is_the_most(string claim, string evidence) =>
        Assert.Equal(WordingMatch.RestatesSuperlative, WordingCheck.Compare(claim, evidence));

    [Theory]
    // Another holder of the superlative: the claim's subject of comparison is not the sentence's.
    [InlineData("No planet is closer to the Sun than Venus.", "Mercury is the planet closest to the Sun.")]
    // Another measure.
    [InlineData("No planet is hotter than Mercury.", "Mercury is the planet closest to the Sun.")]
    // The sentence compares with one other, not with all.
    [InlineData("No country has won the World Cup more times than Brazil.", "Brazil has won the World Cup more times than Germany.")]
    // A rank below the first.
    [InlineData("No mountain is higher than K2.", "K2 is the second highest mountain on Earth.")]
    // A claim word of substance the sentence lacks (a name).
    [InlineData("No mountain in Africa is taller than Kilimanjaro.", "Kilimanjaro is the highest mountain in Tanzania.")]
    // "river" before "longer" is no comparative; and the sentence says "not".
    [InlineData("No river is longer than the Nile.", "The Nile is not the longest river, by some measurements.")]
    // A leading phrase the sentence does not have.
    [InlineData("In Europe, no mountain is taller than Kilimanjaro.", "Mount Kilimanjaro, a dormant volcano in north-eastern Tanzania, is the highest mountain in Africa.")]
    public void Other_superlatives_are_left_to_the_model(string claim, string evidence) =>
        Assert.NotEqual(WordingMatch.RestatesSuperlative, WordingCheck.Compare(claim, evidence));
}
