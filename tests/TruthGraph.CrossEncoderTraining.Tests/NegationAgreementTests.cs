using TruthGraph.CrossEncoderTraining.Data;

namespace TruthGraph.CrossEncoderTraining.Tests;

/// <summary>Pairs in which evidence and claim carry the same negation (<see cref="NegationAgreements"/>).</summary>
public sealed class NegationAgreementTests
{
    private const string SeriesEvidence = "Friends is an American television sitcom created by David Crane.";

    [Fact]
    public void A_negation_has_each_of_its_surface_forms_and_an_article_after_have_becomes_no()
    {
        Assert.Equal(["Venus does not have any moons.", "Venus doesn't have any moons.", "Venus has no moons."],
            NegationAgreements.Forms("Venus does not have any moons."));
        Assert.Equal(["Sound cannot travel in a vacuum.", "Sound can't travel in a vacuum.", "Sound can not travel in a vacuum."],
            NegationAgreements.Forms("Sound cannot travel in a vacuum."));
        Assert.Equal(["A spider is not an insect.", "A spider isn't an insect."], NegationAgreements.Forms("A spider is not an insect."));
        Assert.Equal(["Paris is big."], NegationAgreements.Forms("Paris is big."));
    }

    [Fact]
    public void A_refuted_claim_gives_its_negation_with_the_evidence_as_reason_agreeing_with_another_form_and_contradicting_the_claim()
    {
        NliPair[] fever = [new(SeriesEvidence, "Friends is a film.", NliLabel.Contradiction)];

        var pairs = NegationAgreements.Build(fever, 10, new Random(5));

        Assert.Equal(2, pairs.Count); // no number in the claim: no neutral
        var agreement = Assert.Single(pairs, p => p.Label == NliLabel.Entailment);
        Assert.EndsWith(". " + SeriesEvidence, agreement.Premise);
        Assert.Contains(agreement.Hypothesis, new[] { "Friends is not a film.", "Friends isn't a film." });
        Assert.StartsWith(agreement.Hypothesis == "Friends is not a film." ? "Friends isn't a film." : "Friends is not a film.", agreement.Premise);
        var positive = Assert.Single(pairs, p => p.Label == NliLabel.Contradiction);
        Assert.Equal((agreement.Premise, "Friends is a film."), (positive.Premise, positive.Hypothesis));
    }

    [Fact]
    public void A_supported_claim_states_its_negation_alone_and_another_number_under_the_same_negation_is_neutral()
    {
        NliPair[] fever = [new("The Eiffel Tower was completed in 1889 for the World's Fair.", "The Eiffel Tower was completed in 1889.", NliLabel.Entailment)];

        var pairs = NegationAgreements.Build(fever, 10, new Random(2));

        Assert.Equal(2, pairs.Count); // the bare negation against the claim is left to the mutations
        Assert.DoesNotContain(pairs, p => p.Label == NliLabel.Contradiction);
        var premise = Assert.Single(pairs.Select(p => p.Premise).Distinct());
        Assert.Contains(premise, new[] { "The Eiffel Tower was not completed in 1889.", "The Eiffel Tower wasn't completed in 1889." });
        Assert.NotEqual(premise, Assert.Single(pairs, p => p.Label == NliLabel.Entailment).Hypothesis);
        var neutral = Assert.Single(pairs, p => p.Label == NliLabel.Neutral);
        Assert.Matches(@"^The Eiffel Tower (was not|wasn't) completed in \d+\.$", neutral.Hypothesis);
        Assert.DoesNotContain("1889", neutral.Hypothesis);
    }

    [Fact]
    public void A_refuted_claim_with_a_number_gets_no_neutral_because_its_evidence_usually_settles_the_other_number()
    {
        NliPair[] fever = [new("Titanic was released in 1997.", "Titanic was released in 2004.", NliLabel.Contradiction)];

        var pairs = NegationAgreements.Build(fever, 10, new Random(3));

        Assert.Equal([NliLabel.Entailment, NliLabel.Contradiction], pairs.Select(p => p.Label));
        Assert.All(pairs, p => Assert.EndsWith(". Titanic was released in 1997.", p.Premise));
    }

    [Fact]
    public void With_name_swaps_a_supported_claim_also_gets_its_negation_with_another_name_as_neutral_and_a_refuted_one_does_not()
    {
        NliPair[] fever =
        [
            new("Jaws is a 1975 film directed by Steven Spielberg.", "Jaws was directed by Steven Spielberg.", NliLabel.Entailment),
            new("Alien is a 1979 film directed by Ridley Scott.", "Alien was directed by Ridley Scott.", NliLabel.Entailment),
            new("Heat is a 1995 film directed by Michael Mann.", "Heat was directed by James Cameron.", NliLabel.Contradiction),
        ];

        var pairs = NegationAgreements.Build(fever, 10, new Random(4), nameSwaps: true);
        var without = NegationAgreements.Build(fever, 10, new Random(4));

        var swapped = pairs.Where(p => p.Label == NliLabel.Neutral).ToList();
        Assert.Equal(2, swapped.Count); // one per supported claim, none for the refuted one
        Assert.DoesNotContain(without, p => p.Label == NliLabel.Neutral);
        foreach (var neutral in swapped)
        {
            var subject = neutral.Premise.Split(' ')[0];
            Assert.Matches($@"^{subject} (was not|wasn't) directed by (Steven Spielberg|Ridley Scott|James Cameron)\.$", neutral.Hypothesis);
            Assert.DoesNotContain(neutral.Hypothesis[(neutral.Hypothesis.IndexOf(" by ", StringComparison.Ordinal) + 4)..].TrimEnd('.'), neutral.Premise);
        }
    }

    [Fact]
    public void Claims_with_a_negation_or_a_quantifier_and_neutral_pairs_are_left_out_and_the_count_is_of_claims()
    {
        NliPair[] fever =
        [
            new(SeriesEvidence, "Friends is not a sitcom.", NliLabel.Contradiction),
            new(SeriesEvidence, "Friends is never shown on television.", NliLabel.Contradiction),
            new(SeriesEvidence, "Friends was created by David Crane.", NliLabel.Neutral),
            new(SeriesEvidence, "Friends is a sitcom.", NliLabel.Entailment),
            new(SeriesEvidence, "Friends is a podcast.", NliLabel.Contradiction),
        ];

        Assert.InRange(NegationAgreements.Build(fever, 1, new Random(1)).Count, 1, 2);
        var all = NegationAgreements.Build(fever, 10, new Random(1));
        Assert.Equal(3, all.Count); // the refuted claim: agreement and contradiction; the supported one: agreement
        Assert.DoesNotContain(all, p => p.Hypothesis.Contains("never") || p.Hypothesis.Contains("David Crane"));
        Assert.Empty(NegationAgreements.Build(fever, 0, new Random(1)));
    }
}
