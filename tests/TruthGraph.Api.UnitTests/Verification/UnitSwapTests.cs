using TruthGraph.Api.Verification.Wording;

namespace TruthGraph.Api.UnitTests.Verification;

public sealed class UnitSwapTests
{
    [Theory]
    [InlineData("Sunlight takes about eight hours to reach Earth.", "Light from the Sun takes about 8 minutes and 20 seconds to reach Earth.")]
    [InlineData("The Moon is about 384,400 miles from Earth.", "The Moon orbits Earth at an average distance of about 384,400 kilometres.")]
    [InlineData("The Eiffel Tower is 330 feet tall.", "The Eiffel Tower is 330 metres tall.")]
    [InlineData("An adult blue whale can weigh 150 kilograms.", "An adult blue whale can weigh up to 150 tonnes.")]
    [InlineData("The Three Gorges Dam can generate 22,500 kilowatts.", "The Three Gorges Dam can generate 22,500 megawatts of electricity.")]
    public void The_claims_number_in_another_unit_of_the_same_kind_is_a_contradiction(string claim, string evidence) =>
        Assert.Equal(WordingMatch.SwapsUnit, WordingCheck.Compare(claim, evidence));

    [Theory]
    // The same unit spelled another way.
    [InlineData("A marathon is 42.195 km long.", "The official distance of a marathon race is 42.195 kilometres.")]
    // The sentence also gives the claim's unit: a conversion, not a swap.
    [InlineData("The Moon is about 238,900 miles from Earth.", "The Moon is about 384,400 kilometres (238,900 miles) from Earth.")]
    // A claim that denies the amount.
    [InlineData("Sunlight does not take eight hours to reach Earth.", "Light from the Sun takes about 8 minutes and 20 seconds to reach Earth.")]
    // Another thing that happens to take the same number of another unit.
    [InlineData("Sunlight takes about eight hours to reach Earth.", "A day on Mercury lasts about 8 months of ours.")]
    // Units of different kinds are no swap.
    [InlineData("The bridge is 8 kilograms heavy.", "The bridge took 8 years to build.")]
    public void Other_amounts_are_no_unit_swap(string claim, string evidence) =>
        Assert.NotEqual(WordingMatch.SwapsUnit, WordingCheck.Compare(claim, evidence));

    [Theory]
    [InlineData("Electric current is measured in volts.", "Electric current is measured in amperes, a unit named after André-Marie Ampère.")]
    [InlineData("Force is measured in pascals.", "In the SI system, force is measured in newtons.")]
    [InlineData("The farm covers 200 acres.", "The farm covers 200 hectares.")]
    public void A_unit_of_another_kind_or_the_same_number_in_another_unit_in_an_otherwise_equal_sentence_is_a_contradiction(string claim, string evidence) =>
        Assert.Equal(WordingMatch.SwapsUnit, WordingCheck.Compare(claim, evidence));

    [Theory]
    // Units of time without a number say "long" or "short" as often as how long.
    [InlineData("Scientists have studied the reef for years.", "Scientists have studied the reef for decades.")]
    // The claim's own unit.
    [InlineData("Electric current is measured in amperes.", "Electric current is measured in amperes, a unit named after André-Marie Ampère.")]
    // Another unit of the same kind, without a number: both may be right.
    [InlineData("The mass of a letter is measured in grams.", "The mass of a letter is measured in kilograms.")]
    // A word that is no unit in the claim's place.
    [InlineData("Electric current is measured in volts.", "Electric current is measured in practice with an ammeter.")]
    public void Other_changes_around_a_unit_are_no_unit_swap(string claim, string evidence) =>
        Assert.NotEqual(WordingMatch.SwapsUnit, WordingCheck.Compare(claim, evidence));
}
