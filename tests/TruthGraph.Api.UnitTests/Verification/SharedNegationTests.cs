using TruthGraph.Api.Verification.Wording;

namespace TruthGraph.Api.UnitTests.Verification;

public sealed class SharedNegationTests
{
    [Theory]
    [InlineData("Venus does not have any moons.", "Venus has no natural moons, unlike Earth and Mars.")]
    [InlineData("The koala is not a bear.", "Despite the common name koala bear, the koala is a marsupial and not a bear.")]
    [InlineData("Mars does not have any rings.", "Mars has no known rings, unlike Saturn.")]
    [InlineData("Glass is not a crystal.", "Ordinary window glass is not a crystal but an amorphous solid.")]
    [InlineData("Electric cars do not produce tailpipe emissions.", "Electric cars produce no tailpipe emissions, although generating their electricity may produce emissions.")]
    [InlineData("Strict vegetarians do not eat meat.", "Strict vegetarians eat no meat or fish.")]
    // The sentence denies the claim's object with a form of the claim's word: "conduct" for "conductor".
    [InlineData("Pure water is not a good conductor of electricity.", "Pure water does not conduct electricity well; the salts dissolved in tap water carry the current.")]
    [InlineData("Glass is not a conductor of electricity.", "Glass does not conduct electricity.")]
    // The sentence denies that the subject bears on the claim's object at all, whatever the claim's verb.
    [InlineData("Antibiotics do not work against viruses.", "Antibiotics kill or slow the growth of bacteria but have no effect on viruses.")]
    [InlineData("Vaccines do not cause autism.", "Large studies of millions of children have found no link between the MMR vaccine and autism.")]
    // "lack W" says "not have W", right after the subject or in a clause on what the subject is.
    [InlineData("Snakes do not have eyelids.", "Snakes lack eyelids.")]
    [InlineData("Bacteria do not have a nucleus.", "Bacteria are single-celled organisms that lack a nucleus.")]
    public void A_sentence_that_denies_the_same_word_of_the_same_subject_shares_the_negation(string claim, string evidence) =>
        Assert.Equal(WordingMatch.SharesNegation, WordingCheck.Compare(claim, evidence));

    [Theory]
    // The "no" belongs to something else than the claim's subject: a fuel cell, not Toshiba.
    [InlineData("Toshiba has no moving parts.", "Toshiba has produced a fuel cell with no moving parts.")]
    // The subject is in another clause.
    [InlineData("Cats are not herbivores.", "Unlike cats, cows are not carnivores but herbivores.")]
    // The sentence denies another word than the claim does.
    [InlineData("Spiders do not have six legs.", "Spiders are not insects: they have eight legs, while insects have six.")]
    // The verb and its "no" belong to another subject than the claim's.
    [InlineData("Electric cars do not produce emissions.", "Electric cars charged from coal plants make power stations produce emissions; solar panels produce no emissions.")]
    // The same object, but another verb: "reduce" is no form of "cause".
    [InlineData("Smoking does not cause cancer.", "Smoking does not reduce cancer.")]
    // A form of the claim's word, but its object is another.
    [InlineData("Pure water is not a good conductor of heat.", "Pure water does not conduct electricity well.")]
    // "not only" limits rather than denies.
    [InlineData("Bats are not mammals.", "Bats are not only mammals but the only mammals that truly fly.")]
    // A claim that opens with its negation has no subject to hold on to.
    [InlineData("Nobody lives permanently in Antarctica.", "Antarctica has no permanent residents; nobody lives there all year.")]
    // The denied word stands in the next clause.
    [InlineData("Penguins cannot swim.", "Penguins cannot fly, but they swim well.")]
    // Another "not" after the one that matches: left to the model.
    [InlineData("Penguins are not fish.", "Penguins are birds and not fish, and they do not live in the Arctic.")]
    // "no effect", but on something else than the claim's object.
    [InlineData("Antibiotics do not kill bacteria.", "Antibiotics kill or slow the growth of bacteria but have no effect on viruses.")]
    // "no effect on viruses" is said of soap, in another clause than the claim's subject.
    [InlineData("Antibiotics do not work against viruses.", "Antibiotics kill bacteria; soap has no effect on viruses.")]
    // "that lacks" describes what the subject made, or picks out some of the subject.
    [InlineData("Toshiba does not have moving parts.", "Toshiba has produced a fuel cell that lacks moving parts.")]
    [InlineData("Bacteria do not have a nucleus.", "Bacteria that lack a nucleus are called prokaryotes.")]
    // It lacks something else.
    [InlineData("Bacteria do not have a cell wall.", "Bacteria are single-celled organisms that lack a nucleus.")]
    public void Other_negations_are_left_to_the_model(string claim, string evidence) =>
        Assert.NotEqual(WordingMatch.SharesNegation, WordingCheck.Compare(claim, evidence));

    [Theory]
    [InlineData("Mount Everest is not in Peru.", "Mount Everest is in Nepal, on its border with China.")]
    [InlineData("Pi is not a rational number.", "Pi is an irrational number, so its decimal expansion never ends or repeats.")]
    [InlineData("The Eiffel Tower is not in Berlin.", "The Eiffel Tower is in Paris, on the Champ de Mars.")]
    [InlineData("Spiders do not have six legs.", "Spiders have eight legs.")]
    public void A_claim_that_denies_what_the_sentence_replaces_is_supported(string claim, string evidence) =>
        Assert.Contains(WordingCheck.Compare(claim, evidence), new[] { WordingMatch.DeniesReplaced, WordingMatch.RestatesClaim });

    [Theory]
    // The "not" denies the verb, and the change is elsewhere: the claim is about another place's sea level.
    [InlineData("Tuvalu sea level isn't rising.", "Gradual sea-level rise also allows for coral polyp activity to increase the reefs.")]
    // "not more than" limits.
    [InlineData("Spiders do not have more than six legs.", "Spiders have eight legs.")]
    // The denied word is the gift, the changed words the giver.
    [InlineData("The Statue of Liberty was not a gift from the United States.", "The Statue of Liberty was a gift from France.")]
    public void A_change_the_claims_not_does_not_deny_settles_nothing(string claim, string evidence) =>
        Assert.NotEqual(WordingMatch.DeniesReplaced, WordingCheck.Compare(claim, evidence));

    [Theory]
    [InlineData("Viruses are not able to reproduce on their own.", "Viruses cannot reproduce on their own and must infect a host cell.")]
    [InlineData("Humans are unable to digest cellulose.", "Humans cannot digest cellulose.")]
    [InlineData("Ostriches cannot fly.", "Ostriches are not able to fly.")]
    public void Not_able_to_unable_to_and_cannot_say_the_same(string claim, string evidence) =>
        Assert.Equal(WordingMatch.RestatesClaim, WordingCheck.Compare(claim, evidence));
}
