using TruthGraph.Api.Verification.Wording;

namespace TruthGraph.Api.UnitTests.Verification;

public sealed class QuantityTests
{
    [Theory]
    [InlineData("Tardigrades have eight legs.", "Tardigrades can survive extreme dehydration by entering a dormant state.")]
    [InlineData("The first iPhone had a 3.5-inch screen.", "Apple released the first iPhone in 2007.")]
    [InlineData("Queen Victoria had nine children.", "Queen Victoria reigned over the United Kingdom from 1837 until her death in 1901.")]
    // A measure of length is not answered by a year, nor by a count.
    [InlineData("Lake Titicaca contains more than forty islands.", "Lake Titicaca lies about 3,810 metres above sea level.")]
    [InlineData("The Great Pyramid was the tallest man-made structure for almost 4,000 years.", "The Great Pyramid of Giza was built for the pharaoh Khufu around 2560 BC.")]
    // A share in words is a percentage, which a sentence without one leaves open.
    [InlineData("Half of the world's population lives in Asia.", "Asia is the largest continent by both area and population.")]
    public void A_sentence_without_a_count_or_measure_of_the_claims_kind_is_silent_on_it(string claim, string sentence) =>
        Assert.True(Quantity.SilentOn(claim, sentence));

    [Theory]
    // A measure of the same kind, in another unit.
    [InlineData("Sunlight takes about eight hours to reach Earth.", "Light from the Sun takes about 8 minutes and 20 seconds to reach Earth.")]
    [InlineData("The Moon takes about 27.3 hours to orbit Earth.", "The Moon orbits Earth once every 27.3 days.")]
    // The counted word, or another count.
    [InlineData("An adult human has 300 bones.", "The adult human skeleton usually has 206 bones.")]
    [InlineData("The sinking of the Titanic cost 1,517 lives.", "The British inquiry counted 1,503 people lost in the sinking of the Titanic.")]
    [InlineData("Tool has won three tanks.", "Tool has won three Grammy Awards.")]
    // An age is answered by a date of birth.
    [InlineData("Matt Bomer is 21 years old.", "Matthew Staton Bomer (born October 11, 1977) is an American actor.")]
    // A share in words answers a percentage.
    [InlineData("The Black Death killed about 5 percent of Europe's population.", "The Black Death killed an estimated one third or more of Europe's population.")]
    public void A_sentence_with_a_count_or_measure_of_the_claims_kind_can_answer_it(string claim, string sentence) =>
        Assert.False(Quantity.SilentOn(claim, sentence));

    [Theory]
    // Years, ordinals, "one", "zero" and numbers in names count nothing.
    [InlineData("Albert Einstein published special relativity in 1920.")]
    [InlineData("Bea Arthur was born on May 10th, 1920.")]
    [InlineData("Uranium-235 was discovered by only one French physicist.")]
    [InlineData("Angela Bassett received zero degrees from Yale University.")]
    [InlineData("Brian Fee directed Cars 3.")]
    [InlineData("Apollo 11 landed on the Moon.")]
    // "five years before 1935" is a date.
    [InlineData("Uranium-235 was discovered five years before 1935.")]
    public void A_claim_without_a_count_or_measure_is_never_silent(string claim) =>
        Assert.False(Quantity.SilentOn(claim, "The weather was fine."));

    [Fact]
    public void Answers_tells_apart_no_quantity_one_answered_and_one_left_open()
    {
        Assert.Null(Quantity.Answers("Beethoven was born in Bonn.", "Ludwig van Beethoven kept composing after he had become deaf."));
        Assert.True(Quantity.Answers("Indonesia is made up of 17,508 islands.",
            "A count that Indonesia submitted to the United Nations in 2017 listed 16,056 named islands."));
        Assert.False(Quantity.Answers("Tardigrades have eight legs.", "Tardigrades can survive extreme dehydration."));
    }
}
