using TruthGraph.Api.Verification.Wording;

namespace TruthGraph.Api.UnitTests.Verification;

public sealed class WordAgreementTests
{
    [Theory]
    [InlineData("Helium balloons rise because helium is lighter than air.", "Helium balloons rise because helium is less dense than air.", true)]
    [InlineData("Traffic first crossed the Golden Gate Bridge in 1937.", "The Golden Gate Bridge opened to traffic in 1937.", true)]
    // A name, a number or a "not" of the claim the sentence lacks, or a change a wording check reads: no agreement.
    [InlineData("Montreal is the capital of Canada.", "Ottawa is the capital city of Canada.", false)]
    [InlineData("Traffic first crossed the Golden Gate Bridge in 1933.", "The Golden Gate Bridge opened to traffic in 1937.", false)]
    [InlineData("Helium balloons do not rise.", "Helium balloons rise because helium is less dense than air.", false)]
    [InlineData("Pi is a rational number.", "Pi is an irrational number.", false)]
    public void A_sentence_agrees_in_words_when_it_has_the_claims_names_numbers_and_negation_and_no_check_reads_a_change(
        string claim, string sentence, bool expected) =>
        Assert.Equal(expected, WordAgreement.Of(claim, sentence));
}
