using TruthGraph.Api.Verification.Wording;

namespace TruthGraph.Api.UnitTests.Verification;

public sealed class CorrectionTests
{
    [Theory]
    [InlineData("The hump of a camel is a store of fat.", "A camel's hump stores fat, not water.", "A camel's hump stores fat.")]
    [InlineData("Sharks have cartilage skeletons.", "Sharks have skeletons made of cartilage rather than bone.", "Sharks have skeletons made of cartilage.")]
    [InlineData("Ebola is spread by contact with body fluids.",
        "Ebola spreads through direct contact with body fluids, not through the air.", "Ebola spreads through direct contact with body fluids.")]
    // The clause after the correction stays; a full stop inside "U.S." ends nothing.
    [InlineData("Blood in your veins is dark red.", "Blood in human veins is dark red, not blue; veins only look blue through the skin.",
        "Blood in human veins is dark red; veins only look blue through the skin.")]
    [InlineData("The treaty was signed by Britain.", "The treaty was signed by Britain, not the U.S. government, in 1783.", "The treaty was signed by Britain, in 1783.")]
    public void A_correction_the_claim_says_nothing_of_is_left_out_of_what_the_model_reads(string claim, string sentence, string expected) =>
        Assert.Equal(expected, ModelInput.For(sentence, claim).Premise);

    [Theory]
    // The claim speaks of the corrected thing: the sentence is read whole (Denial, Correction.Agrees and the model decide).
    [InlineData("Camels store water in their humps.", "A camel's hump stores fat, not water.")]
    [InlineData("Sharks have skeletons made of bone.", "Sharks have skeletons made of cartilage rather than bone.")]
    // A "not" inside a clause is no correction, nor is "not only".
    [InlineData("Diamonds dissolve in acids.", "Diamonds do not dissolve in water or in common acids.")]
    [InlineData("He was a singer.", "He was, not only a singer, but an actor.")]
    public void Other_sentences_are_read_whole(string claim, string sentence) =>
        Assert.Equal(sentence, ModelInput.For(sentence, claim).Premise);

    [Theory]
    [InlineData("Camels do not store water in their humps.", "A camel's hump stores fat, not water.", WordingMatch.SharesNegation)]
    [InlineData("Ebola does not spread through the air.", "Ebola spreads through direct contact with body fluids, not through the air.", WordingMatch.SharesNegation)]
    // Denying what the sentence says is no agreement, and asserting the corrected thing is Denial's contradiction.
    [InlineData("Camels do not store fat in their humps.", "A camel's hump stores fat, not water.", WordingMatch.None)]
    [InlineData("Camels store water in their humps.", "A camel's hump stores fat, not water.", WordingMatch.DeniesWord)]
    // Words of the claim the sentence does not say before its "not" leave it to the model.
    [InlineData("Horses do not store water in their humps.", "A camel's hump stores fat, not water.", WordingMatch.None)]
    public void A_claim_that_denies_the_corrected_thing_agrees_with_the_sentence(string claim, string sentence, WordingMatch expected) =>
        Assert.Equal(expected, WordingCheck.Compare(claim, sentence));

    [Theory]
    [InlineData("Peanuts are legumes.", "Peanuts are legumes, not true nuts.",
        " The model read the deciding sentence without \"not true nuts\", which the claim says nothing of.")]
    [InlineData("The WTO was established in 1995.", "The World Trade Organization was established in 1995.",
        " The model read \"WTO\" as \"World Trade Organization\", the name as the evidence writes it.")]
    // Read as written: nothing to say.
    [InlineData("Peanuts are true nuts.", "Peanuts are legumes, not true nuts.", "")]
    public void The_reason_says_what_the_model_read_otherwise_than_shown(string claim, string sentence, string expected)
    {
        var (premise, hypothesis) = ModelInput.For(sentence, claim);
        Assert.Equal(expected, ModelInput.Note(claim, sentence, premise, hypothesis));
    }
}
