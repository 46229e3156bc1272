using TruthGraph.Api.Verification.Wording;

namespace TruthGraph.Api.UnitTests.Verification;

public sealed class ClaimCoverageTests
{
    private static double Coverage(string claim, string sentence) => ClaimCoverage.Of(ContentWords.Of(claim), ContentWords.Of(sentence));

    [Fact]
    public void A_near_copy_with_one_fact_changed_shares_all_but_that_word()
    {
        // cricket, team, 11 → 9, player, field: four of five.
        Assert.Equal(0.8, Coverage("A cricket team has nine players on the field.", "A cricket team has eleven players on the field."), 6);
    }

    [Fact]
    public void A_sentence_about_something_else_the_subject_does_shares_little()
    {
        // Only "koala" of koala, sleep, up, 20, hour, day.
        Assert.Equal(1 / 6.0, Coverage("Koalas sleep for up to twenty hours a day.", "Koalas feed almost entirely on the leaves of eucalyptus trees."), 6);
        Assert.Equal(0, Coverage("Giraffes sleep for less than two hours a day.", "Snakes have no eyelids."));
    }

    [Fact]
    public void Inflections_and_case_fold_and_negations_do_not_count()
    {
        Assert.Equal(1, Coverage("Sound cannot travel through a vacuum.", "SOUND travels through the vacuum of space."));
        Assert.Equal(1, Coverage("The koala is not a bear.", "The koala is a bear."));
    }

    [Fact]
    public void A_claim_with_no_content_words_is_fully_covered_by_anything()
    {
        Assert.Equal(1, Coverage("It is not.", "Koalas feed on eucalyptus."));
    }
}
