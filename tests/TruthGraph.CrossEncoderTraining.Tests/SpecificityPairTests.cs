namespace TruthGraph.CrossEncoderTraining.Tests;

/// <summary>Which way precision runs: coarser dates, numbers as bounds, and "rather than" premises.</summary>
public sealed class SpecificityPairTests
{
    private const string ActorEvidence = "Danielle Cormack (born 26 December 1970) is a New Zealand actress.";
    private const string BonesEvidence = "The adult human skeleton is made up of 206 bones.";

    [Fact]
    public void A_coarser_date_is_entailed_and_the_exact_date_does_not_follow_from_it()
    {
        var pair = new NliPair(ActorEvidence, "Danielle Cormack was born on December 26, 1970.", NliLabel.Entailment);

        var made = SpecificityPairs.CoarserDate(pair, new Random(2))!;

        var coarse = made[0].Hypothesis;
        Assert.Contains(coarse, new[] { "Danielle Cormack was born in December 1970.", "Danielle Cormack was born in 1970." });
        Assert.Equal([NliLabel.Entailment], made[0].Allowed);
        Assert.Equal((pair.Hypothesis, coarse, NliLabel.Entailment), (made[1].Premise, made[1].Hypothesis, made[1].Allowed[0]));
        Assert.Equal((coarse, pair.Hypothesis, NliLabel.Neutral), (made[2].Premise, made[2].Hypothesis, made[2].Allowed[0]));
        Assert.Null(SpecificityPairs.CoarserDate(pair with { Hypothesis = "Danielle Cormack was born in 1970." }, new Random(2)));
    }

    [Fact]
    public void A_count_becomes_bounds_below_and_above_it_each_word_with_both_answers()
    {
        var pair = new NliPair(BonesEvidence, "An adult human has 206 bones.", NliLabel.Entailment);

        var made = SpecificityPairs.NumberBound(pair, new Random(1))!;

        Assert.Contains(made, p => p.Hypothesis == "An adult human has more than 200 bones." && p.Allowed.SequenceEqual([NliLabel.Entailment]));
        Assert.Contains(made, p => p.Hypothesis == "An adult human has fewer than 200 bones." && p.Allowed.SequenceEqual([NliLabel.Contradiction]));
        Assert.Contains(made, p => p.Hypothesis == "An adult human has fewer than 300 bones." && p.Allowed.SequenceEqual([NliLabel.Entailment]));
        Assert.Contains(made, p => p.Hypothesis == "An adult human has more than 300 bones." && p.Allowed.SequenceEqual([NliLabel.Contradiction]));
        Assert.All(made.Where(p => p.Hypothesis.Contains("about")), p => Assert.Equal("An adult human has about 210 bones.", p.Hypothesis));
    }

    [Theory]
    [InlineData("Shane Black was born in 1962.")] // a year is not a count
    [InlineData("The album sold over 300 copies.")] // already hedged
    [InlineData("The band has 7 members.")] // too small to bound usefully
    [InlineData("The film grossed $300 million.")]
    [InlineData("Inflation reached 15% in 1980.")]
    public void A_year_a_hedged_number_or_a_small_one_is_left_alone(string claim)
    {
        Assert.Null(SpecificityPairs.NumberBound(new NliPair(BonesEvidence, claim, NliLabel.Entailment), new Random(1)));
    }

    [Fact]
    public void A_rather_than_premise_entails_the_claim_and_contradicts_it_with_the_other_name()
    {
        var pair = new NliPair("Titanic is a 1997 film directed by James Cameron.", "Titanic was directed by James Cameron.", NliLabel.Entailment);
        var bySlot = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase) { ["by"] = ["James Cameron", "Steven Spielberg"] };

        var made = Enumerable.Range(0, 20).Select(seed => SpecificityPairs.RatherThan(pair, bySlot, new Random(seed))).First(m => m is not null)!;

        const string Premise = "Titanic was directed by James Cameron rather than Steven Spielberg.";
        Assert.Equal((Premise, pair.Hypothesis, NliLabel.Entailment), (made[0].Premise, made[0].Hypothesis, made[0].Allowed[0]));
        Assert.Equal((Premise, "Titanic was directed by Steven Spielberg.", NliLabel.Contradiction), (made[1].Premise, made[1].Hypothesis, made[1].Allowed[0]));
    }

    [Fact]
    public void Only_supported_claims_are_used_and_the_count_caps_the_claims()
    {
        NliPair[] pairs =
        [
            new(BonesEvidence, "An adult human has 206 bones.", NliLabel.Entailment),
            new(BonesEvidence, "An adult human has 306 bones.", NliLabel.Contradiction),
            new(ActorEvidence, "Danielle Cormack was born on December 26, 1970.", NliLabel.Entailment),
        ];

        Assert.DoesNotContain(SpecificityPairs.Build(pairs, 10, new Random(4)), p => p.Hypothesis.Contains("306") || p.Premise.Contains("306"));
        Assert.InRange(SpecificityPairs.Build(pairs, 1, new Random(4)).Count, 3, 5); // one claim: a date gives 3 pairs, a count 4 or 5
        Assert.Empty(SpecificityPairs.Build(pairs, 0, new Random(4)));
    }
}
