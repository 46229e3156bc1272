using TruthGraph.Api.Verification.Wording;

namespace TruthGraph.Api.UnitTests.Verification;

public sealed class NarrowerSuperlativeTests
{
    [Theory]
    [InlineData("The liver is the largest organ of the human body.", "The liver is the largest internal organ of the human body.")]
    [InlineData("The African elephant is the largest animal on Earth.", "The African elephant is the largest living land animal.")]
    [InlineData("The Sahara is the largest desert in the world.", "The Sahara is the largest hot desert in the world.")]
    [InlineData("Nitrogen is the most abundant gas in the atmosphere.", "Water vapour is the most abundant greenhouse gas in the atmosphere.")]
    public void A_sentence_giving_the_claims_superlative_for_a_narrower_group_narrows_it(string claim, string sentence) =>
        Assert.True(NarrowerSuperlative.Narrows(claim, sentence));

    [Theory]
    // The same group, or a scope after the noun ("in the world" restates more often than it narrows).
    [InlineData("The skin is the largest organ of the human body.", "The skin is the largest organ of the human body, covering about two square metres.")]
    [InlineData("Russia is the largest country.", "Russia is the largest country in the world by area.")]
    // Words that stress the superlative, and a sentence that also names the claim's group.
    [InlineData("The 2004 tsunami was the deadliest disaster of the decade.", "It was the largest ever recorded earthquake of the decade.")]
    [InlineData("Jupiter is the largest planet.", "Jupiter is the largest planet, and the largest gas planet too.")]
    // Awards and titles: "Best Original Screenplay" is a category, not a narrower group.
    [InlineData("Edmund H. North won an Academy Award for Best Screenplay.", "North shared an Academy Award for Best Original Screenplay in 1970.")]
    // A word the claim has elsewhere is no narrowing, nor is a function word between.
    [InlineData("Tokyo is the largest city in Japan by population.", "Tokyo is the largest and most populous city in Japan.")]
    // The claim narrows the group itself, after its noun.
    [InlineData("The largest lizard alive today is the Komodo dragon.", "The Komodo dragon, the largest living lizard, is found only on a few islands of Indonesia.")]
    [InlineData("Lake Titicaca is the highest lake that boats can navigate.", "Lake Titicaca is often called the highest navigable lake in the world.")]
    public void Other_sentences_do_not_narrow_the_claim(string claim, string sentence) =>
        Assert.False(NarrowerSuperlative.Narrows(claim, sentence));
}
