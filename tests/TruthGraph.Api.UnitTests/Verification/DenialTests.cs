using TruthGraph.Api.Verification.Wording;

namespace TruthGraph.Api.UnitTests.Verification;

public sealed class DenialTests
{
    [Theory]
    [InlineData("Blood in your veins is blue.", "Blood in human veins is dark red, not blue; veins only look blue through the skin.")]
    [InlineData("Whales are fish.", "Whales are mammals, not fish.")]
    [InlineData("Bacteria have a nucleus.", "Bacteria are single-celled organisms that lack a nucleus.")]
    [InlineData("Einstein won the Nobel Prize for relativity.", "Einstein won the Nobel Prize for the photoelectric effect, not for relativity.")]
    public void A_contrast_that_says_not_of_the_claims_word_denies_it(string claim, string evidence) =>
        Assert.Equal(WordingMatch.DeniesWord, WordingCheck.Compare(claim, evidence));

    [Theory]
    // What the sentence denies is no word of the claim.
    [InlineData("Whales are mammals.", "Whales are mammals, not fish.")]
    [InlineData("Tomatoes are fruits.", "Botanically, tomatoes are fruits, not vegetables.")]
    // A "not" that limits rather than denies.
    [InlineData("Humans use 10 percent of their brain.", "Brain imaging shows that people use virtually all of their brain, not just 10 percent of it.")]
    // The denied word is also said before the "not": only some of it is denied.
    [InlineData("The Moon reflects light from the Sun.", "The Moon reflects light from the Sun, not light of its own.")]
    // A "not" inside a clause, not after a comma: the model reads those well.
    [InlineData("Mobile phones interfere with aircraft systems.", "Mobile phones on some aircraft do not interfere with aircraft systems.")]
    // The claim's other words are missing before the "not", or in another sentence.
    [InlineData("Bulls are enraged by the colour red.", "Bulls react to the movement of a matador's cape, not to its colour.")]
    [InlineData("Bats are blind.", "Bats are mammals. Some can see well, not blind at all.")]
    // What is lacked is not the claim's word, or the claim says "lack" itself.
    [InlineData("Penguins are good swimmers.", "Penguins lack the ability to fly but are good swimmers.")]
    [InlineData("Bacteria lack a nucleus.", "Bacteria are single-celled organisms that lack a nucleus.")]
    // A claim with a "not" of its own.
    [InlineData("Whales are not fish.", "Whales are mammals, not fish.")]
    public void Other_negations_deny_no_word_of_the_claim(string claim, string evidence) =>
        Assert.NotEqual(WordingMatch.DeniesWord, WordingCheck.Compare(claim, evidence));
}
