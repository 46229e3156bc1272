using TruthGraph.CrossEncoderTraining.Data;
using TruthGraph.NliTraining.Data;
using Xunit.Abstractions;

namespace TruthGraph.CrossEncoderTraining.Tests;

/// <summary>Negation flips, name swaps and antonym swaps of claims against their own evidence (the third training stage's data).</summary>
public sealed class EvidenceClaimMutationTests(ITestOutputHelper output)
{
    private const string TowerEvidence = "The Eiffel Tower was completed in 1889 and is located in Paris.";
    private const string SeriesEvidence = "Friends is an American television sitcom created by David Crane.";

    [Fact]
    public void A_flipped_supported_claim_is_a_contradiction_and_a_flipped_refuted_claim_an_entailment()
    {
        NliPair[] pairs =
        [
            new(TowerEvidence, "The Eiffel Tower is in Paris.", NliLabel.Entailment),
            new(SeriesEvidence, "Friends is a film.", NliLabel.Contradiction),
            new(SeriesEvidence, "Friends is never shown on television.", NliLabel.Contradiction), // a second negation: left out
            new(SeriesEvidence, "Friends is a comedy podcast.", NliLabel.Neutral), // neutral stays neutral: left out
        ];

        var flips = EvidenceClaimMutations.NegationFlips(pairs, 10, new Random(3));

        Assert.Equal(2, flips.Count);
        Assert.Contains(new NliPair(TowerEvidence, "The Eiffel Tower is not in Paris.", NliLabel.Contradiction), flips);
        Assert.Contains(new NliPair(SeriesEvidence, "Friends is not a film.", NliLabel.Entailment), flips);
        Assert.Empty(EvidenceClaimMutations.NegationFlips(pairs, 0, new Random(3)));
    }

    [Fact]
    public void Names_are_keyed_by_the_word_before_them_and_the_claims_first_word_is_never_one()
    {
        var names = EvidenceClaimMutations.Names("Titanic was directed by James Cameron in the United States.").ToList();

        Assert.Equal([("by", "James Cameron", 24), ("the", "United States", 45)], names);
        Assert.Empty(EvidenceClaimMutations.Names("Paris is big."));
    }

    [Fact]
    public void A_name_swap_takes_a_name_from_the_same_slot_of_another_claim_and_never_one_in_the_evidence()
    {
        NliPair[] pairs =
        [
            new("Titanic is a 1997 film written and directed by James Cameron.", "Titanic was directed by James Cameron.", NliLabel.Entailment),
            new("Jaws is a 1975 film directed by Steven Spielberg.", "Jaws was directed by Steven Spielberg.", NliLabel.Entailment),
            new("Psycho is a film by Alfred Hitchcock, with James Cameron as an extra.", "Psycho was directed by Alfred Hitchcock.", NliLabel.Entailment),
        ];

        var swaps = EvidenceClaimMutations.NameSwaps(pairs, 10, new Random(1));

        Assert.NotEmpty(swaps);
        Assert.All(swaps, s => Assert.Equal(NliLabel.Contradiction, s.Label));
        var titanic = Assert.Single(swaps, s => s.Premise == pairs[0].Premise);
        Assert.Contains(titanic.Hypothesis, new[] { "Titanic was directed by Steven Spielberg.", "Titanic was directed by Alfred Hitchcock." });
        // The evidence of Psycho names James Cameron: swapping him in would not be a contradiction.
        Assert.DoesNotContain(swaps, s => s.Hypothesis == "Psycho was directed by James Cameron.");
        Assert.All(swaps, s => Assert.DoesNotContain(pairs, p => p.Hypothesis == s.Hypothesis));
    }

    [Theory]
    [InlineData("Tungsten has the highest melting point of any metal.", "Tungsten has the lowest melting point of any metal.")]
    [InlineData("Reykjavik is the northernmost capital.", "Reykjavik is the southernmost capital.")]
    [InlineData("North Korea lies north of South Korea.", "North Korea lies south of South Korea.")]
    public void An_antonym_swap_replaces_a_lower_case_word_only(string sentence, string expected) =>
        Assert.Equal(expected, EvidenceClaimMutations.SwapAntonym(sentence, new Random(0)));

    [Fact]
    public void A_claim_without_a_listed_word_has_no_antonym_swap() =>
        Assert.Null(EvidenceClaimMutations.SwapAntonym("Paris is the capital of France.", new Random(0)));

    [Fact]
    public void On_real_FEVER_pairs_each_mutation_yields_what_was_asked_for_and_changes_the_claim()
    {
        var fever = Datasets.ReadSnli(Inference.Bench.SharedData.PathOf("nli", "fever_pairs.jsonl"));
        var random = new Random(13);

        var flips = EvidenceClaimMutations.NegationFlips(fever, 500, random);
        var names = EvidenceClaimMutations.NameSwaps(fever, 500, random);
        var antonyms = EvidenceClaimMutations.AntonymSwaps(fever, 300, random);

        Assert.Equal(500, flips.Count);
        Assert.InRange(flips.Count(p => p.Label == NliLabel.Entailment), 100, 400); // both directions are present
        Assert.Equal(500, names.Count);
        Assert.Equal(300, antonyms.Count);
        // FEVER's own refuted claims were written by such mutations: where a mutated claim is one of FEVER's, with the
        var labels = fever.GroupBy(p => (p.Premise, p.Hypothesis)).ToDictionary(g => g.Key, g => g.First().Label);
        var alsoInFever = flips.Concat(names).Concat(antonyms).Where(p => labels.ContainsKey((p.Premise, p.Hypothesis))).ToList();
        // same evidence, FEVER's label must mostly be the one the mutation gave it (FEVER has a few label errors of its
        // own: "Ned Stark was introduced in 1996's A Storm of Swords" is marked supported by "Introduced in 1996's A Game of Thrones").
        var agreeing = alsoInFever.Count(p => labels[(p.Premise, p.Hypothesis)] == p.Label);
        Assert.True(alsoInFever.Count >= 5 && agreeing >= 0.8 * alsoInFever.Count, $"{agreeing} of {alsoInFever.Count} agree with FEVER");
        output.WriteLine($"{agreeing} of {alsoInFever.Count} mutated claims that are also FEVER claims carry FEVER's label");
        foreach (var pair in flips.Take(4).Concat(names.Take(6)).Concat(antonyms.Take(6)))
        {
            output.WriteLine($"{pair.Label}: {pair.Hypothesis}");
        }
    }
}
