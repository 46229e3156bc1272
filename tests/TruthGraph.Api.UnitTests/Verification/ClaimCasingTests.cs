using TruthGraph.Api.Verification.Wording;

namespace TruthGraph.Api.UnitTests.Verification;

public sealed class ClaimCasingTests
{
    private static readonly string[] Evidence =
        ["Canberra is the capital city of Australia.", "The Sydney Opera House opened in 1973.", "Mozart was born in Salzburg."];

    [Theory]
    [InlineData("sydney is the capital of australia", "Sydney is the capital of Australia")]
    // A word that no evidence capitalises stays as typed; a capital at a sentence's start ("The", "Mozart") proves nothing.
    [InlineData("the capital of australia is perth", "The capital of Australia is perth")]
    [InlineData("the mozart museum is in vienna", "The mozart museum is in vienna")]
    // A claim with any capital is the user's own casing.
    [InlineData("Sydney is the capital of australia", "Sydney is the capital of australia")]
    public void An_all_lower_case_claim_takes_the_capitals_its_evidence_gives_its_words(string claim, string expected) =>
        Assert.Equal(expected, ClaimCasing.Restore(claim, Evidence));

    [Fact]
    public void The_restored_claim_lets_the_wording_checks_see_a_swapped_name()
    {
        var evidence = "Canberra is the capital city of Australia.";
        Assert.Equal(WordingMatch.None, WordingCheck.Compare("sydney is the capital city of australia", evidence));
        Assert.Equal(WordingMatch.SwapsName, WordingCheck.Compare(ClaimCasing.Restore("sydney is the capital city of australia", [evidence]), evidence));
    }
}
