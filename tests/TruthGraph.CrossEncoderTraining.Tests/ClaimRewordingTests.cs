namespace TruthGraph.CrossEncoderTraining.Tests;

/// <summary>Claims said again in other words: voice, a date moved first, a superlative as a negated comparative.</summary>
public sealed class ClaimRewordingTests
{
    private const string ComicsEvidence = "Gotham City Sirens is an American comic book series published by DC Comics.";
    private const string LibyaEvidence = "Algeria is the largest country in Africa; Libya is the fourth largest.";

    [Theory]
    [InlineData("Gotham City Sirens was published by DC Comics.", "DC Comics published Gotham City Sirens.")]
    [InlineData("Romeo and Juliet was written by William Shakespeare.", "William Shakespeare wrote Romeo and Juliet.")]
    [InlineData("The film Soul Food was released by Fox 2000 Pictures.", "Fox 2000 Pictures released the film Soul Food.")]
    [InlineData("Fox 2000 Pictures released the film Soul Food.", "The film Soul Food was released by Fox 2000 Pictures.")]
    [InlineData("Toy Story 2 was released in 2004.", "In 2004, Toy Story 2 was released.")]
    [InlineData("Libya is the largest country in Africa.", "No country in Africa is larger than Libya.")]
    [InlineData("Firefox is the most popular web browser.", "No web browser is more popular than Firefox.")]
    public void A_claim_is_reworded_without_changing_what_it_says(string claim, string expected)
    {
        Assert.Contains(expected, ClaimRewordings.Reword(claim));
    }

    [Theory]
    [InlineData("Wish Upon was not directed by John R. Leonetti.")] // moving words around a negation can move what it negates
    [InlineData("Dreamer was directed by Michael Bay only.")]
    [InlineData("The Mighty Ducks was produced by a subsidiary of Walt Disney Studios.")] // the agent is not a name
    [InlineData("Paris is the capital of France.")]
    [InlineData("Peter played for Chelsea.")] // a verb with a preposition after it has no simple passive
    [InlineData("Tom Hanks is the guest of honour.")] // "guest" is not a superlative
    public void A_claim_no_pattern_fits_safely_is_left_alone(string claim)
    {
        Assert.Empty(ClaimRewordings.Reword(claim));
    }

    [Fact]
    public void A_reworded_claim_keeps_its_label_and_a_supported_one_entails_its_rewording_both_ways()
    {
        NliPair[] pairs =
        [
            new(ComicsEvidence, "Gotham City Sirens was published by DC Comics.", NliLabel.Entailment),
            new(ComicsEvidence, "Gotham City Sirens was published by Marvel Comics.", NliLabel.Contradiction),
            new(ComicsEvidence, "Gotham City Sirens was published by Image Comics.", NliLabel.Neutral), // neutrals are left out
            new(ComicsEvidence, "Gotham City Sirens is a comic.", NliLabel.Entailment), // nothing to reword
        ];

        var built = ClaimRewordings.Build(pairs, 10, new Random(5));

        Assert.Equal(4, built.Count);
        Assert.Contains(built, p => p.Premise == ComicsEvidence && p.Hypothesis == "DC Comics published Gotham City Sirens." && p.Allowed.SequenceEqual([NliLabel.Entailment]));
        Assert.Contains(built, p => p.Premise == ComicsEvidence && p.Hypothesis == "Marvel Comics published Gotham City Sirens." && p.Allowed.SequenceEqual([NliLabel.Contradiction]));
        Assert.Contains(built, p => p.Premise == "Gotham City Sirens was published by DC Comics." && p.Hypothesis == "DC Comics published Gotham City Sirens.");
        Assert.Contains(built, p => p.Premise == "DC Comics published Gotham City Sirens." && p.Hypothesis == "Gotham City Sirens was published by DC Comics.");
        Assert.All(built, p => Assert.Equal(ClaimRewordings.Source, p.Source));
        Assert.Single(ClaimRewordings.Build(pairs, 1, new Random(5)).Select(p => p.Hypothesis).Distinct());
    }

    [Fact]
    public void A_supported_superlative_also_teaches_its_opposite_as_a_contradiction()
    {
        NliPair[] pairs = [new(LibyaEvidence, "Algeria is the largest country in Africa.", NliLabel.Entailment)];

        var built = ClaimRewordings.Build(pairs, 1, new Random(1));

        Assert.Contains(built, p => p.Hypothesis == "No country in Africa is larger than Algeria." && p.Allowed.SequenceEqual([NliLabel.Entailment]));
        Assert.Contains(built, p => p.Premise == LibyaEvidence && p.Hypothesis == "At least one country in Africa is larger than Algeria."
            && p.Allowed.SequenceEqual([NliLabel.Contradiction]));
    }
}
