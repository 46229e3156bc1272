using TruthGraph.Inference.Bench;
using Xunit.Abstractions;

namespace TruthGraph.CrossEncoderTraining.Tests;

/// <summary>Pairs made from a claim's nearest other claims: neutrals between different subjects, and subject swaps.</summary>
public sealed class NeighbourPairTests(ITestOutputHelper output)
{
    private const string CanberraEvidence = "Canberra is the capital city of Australia, founded in 1913.";
    private const string GagarinEvidence = "Yuri Gagarin was a Soviet pilot and the first human to journey into outer space.";

    // Claim vectors on a circle: the nearer two claims' angles, the more similar they are.
    private static readonly NliPair[] Pairs =
    [
        new(CanberraEvidence, "Canberra is the capital of Australia.", NliLabel.Entailment),
        new("Canberra lies in the Australian Capital Territory.", "Canberra is a city in Australia.", NliLabel.Entailment),
        new("Ottawa is the capital city of Canada.", "Ottawa is the capital of Canada.", NliLabel.Entailment),
        new(GagarinEvidence, "Yuri Gagarin was the first human in space.", NliLabel.Entailment),
        new("Neil Armstrong was an American astronaut, the first person to walk on the Moon.", "Neil Armstrong walked on the Moon.", NliLabel.Entailment),
        new("The film was released in 1999.", "The film was released in 2005.", NliLabel.Contradiction),
    ];

    private static readonly Dictionary<string, float[]> Vectors = new()
    {
        ["Canberra is the capital of Australia."] = Unit(0.0),
        ["Canberra is a city in Australia."] = Unit(0.05), // nearest, but about the same subject
        ["Ottawa is the capital of Canada."] = Unit(0.1),
        ["Yuri Gagarin was the first human in space."] = Unit(1.5),
        ["Neil Armstrong walked on the Moon."] = Unit(1.6),
        ["The film was released in 2005."] = Unit(3.0),
    };

    [Fact]
    public void A_same_template_neutral_pairs_a_supported_claim_with_the_nearest_claim_that_shares_no_name()
    {
        var neutrals = SameTemplateNeutrals.Build(Pairs, Vectors, count: 10, new Random(1));

        Assert.All(neutrals, n => Assert.Equal(NliLabel.Neutral, n.Label));
        var forCanberra = Assert.Single(neutrals, n => n.Premise == "Canberra is the capital of Australia.");
        Assert.Equal("Ottawa is the capital of Canada.", forCanberra.Hypothesis);
        // No pair of claims about one subject ("Canberra … capital" / "Canberra … city" may entail each other).
        Assert.All(neutrals, n => Assert.False(SameTemplateNeutrals.Names(n.Premise).Overlaps(SameTemplateNeutrals.Names(n.Hypothesis))));
        // Only supported claims are premises: a refuted claim is not a true statement to reason from.
        Assert.DoesNotContain(neutrals, n => n.Premise == "The film was released in 2005.");
    }

    [Theory]
    [InlineData("Neil Armstrong was an astronaut.", "Neil Armstrong")]
    [InlineData("The Beatles were a rock band.", "The Beatles")]
    [InlineData("Bank of America is a bank.", "Bank of America")]
    [InlineData("The film was released in 1999.", null)]
    [InlineData("In 1990, Spain won.", null)]
    [InlineData("glaciers are melting.", null)]
    public void The_subject_is_the_claims_leading_name(string claim, string? subject) =>
        Assert.Equal(subject, SubjectSwaps.Subject(claim));

    [Fact]
    public void A_subject_swap_takes_a_similar_claims_subject_and_allows_anything_but_entailment()
    {
        var swaps = SubjectSwaps.Build(Pairs, Vectors, count: 10, new Random(1));

        var gagarin = Assert.Single(swaps, s => s.Premise == GagarinEvidence);
        Assert.Equal("Neil Armstrong was the first human in space.", gagarin.Hypothesis);
        Assert.Equal([NliLabel.Neutral, NliLabel.Contradiction], gagarin.Allowed);
        Assert.Equal(SubjectSwaps.Source, gagarin.Source);
        // Canberra's nearest claim is about Canberra too: the swap takes Ottawa, the next one.
        Assert.Equal("Ottawa is the capital of Australia.", Assert.Single(swaps, s => s.Premise == CanberraEvidence).Hypothesis);
        // A claim whose evidence does not name its subject is not swapped ("Canberra lies in …" does name it).
        Assert.All(swaps, s => Assert.Contains(SubjectSwaps.Subject(Pairs.First(p => p.Premise == s.Premise).Hypothesis)!, s.Premise));
    }

    [Fact]
    public void A_true_pair_joins_two_supported_neighbours_and_allows_anything_but_contradiction()
    {
        var truths = TruePairs.Build(Pairs, Vectors, count: 10, new Random(1));

        // Every supported claim finds a supported neighbour; the refuted film claim is neither side of any pair.
        Assert.Equal(5, truths.Count);
        Assert.All(truths, t => Assert.Equal([NliLabel.Entailment, NliLabel.Neutral], t.Allowed));
        Assert.All(truths, t => Assert.Equal(TruePairs.Source, t.Source));
        Assert.DoesNotContain(truths, t => t.Hypothesis == "The film was released in 2005." || t.Premise.Contains("film", StringComparison.Ordinal));
        // The premise is the claim itself or a sentence of its own evidence; the hypothesis is the nearest other claim.
        var canberra = Assert.Single(truths, t => t.Premise is "Canberra is the capital of Australia." or CanberraEvidence);
        Assert.Equal("Canberra is a city in Australia.", canberra.Hypothesis);
        var gagarin = Assert.Single(truths, t => t.Premise is "Yuri Gagarin was the first human in space." or GagarinEvidence);
        Assert.Equal("Neil Armstrong walked on the Moon.", gagarin.Hypothesis);
    }

    [Fact]
    public void A_claim_FEVER_also_refutes_is_not_taken_as_true()
    {
        // FEVER labels a claim against each piece of its evidence; a claim with both labels is a slip, not a truth.
        NliPair[] pairs =
        [
            .. Pairs,
            new("Toronto is the capital of the province of Ontario.", "Ottawa is the capital of Canada.", NliLabel.Contradiction),
        ];

        var truths = TruePairs.Build(pairs, Vectors, count: 10, new Random(1));

        Assert.DoesNotContain(truths, t => t.Hypothesis == "Ottawa is the capital of Canada."
            || t.Premise.Contains("Ottawa", StringComparison.Ordinal) || t.Premise.StartsWith("Toronto", StringComparison.Ordinal));
    }

    [Fact]
    public void On_real_FEVER_claims_neighbour_pairs_are_found_for_most_claims()
    {
        var fever = Datasets.ReadSnli(SharedData.PathOf("nli", "fever_pairs.jsonl")).Take(1500).ToList();
        var vectors = SentenceEmbeddings.Embed(
            new MiniLmCrossEncoder(TorchTestContext.Weights, new LoraSettings(0, 0, 0), dropout: 0),
            TorchTestContext.Tokenizer, fever.Select(p => p.Hypothesis), 128);

        var neutrals = SameTemplateNeutrals.Build(fever, vectors, 300, new Random(5));
        var swaps = SubjectSwaps.Build(fever, vectors, 300, new Random(5));

        Assert.Equal(300, neutrals.Count);
        Assert.InRange(swaps.Count, 200, 300);
        Assert.All(swaps, s => Assert.DoesNotContain(fever, p => p.Hypothesis == s.Hypothesis && p.Premise == s.Premise));
        foreach (var pair in neutrals.Take(6))
        {
            output.WriteLine($"neutral: {pair.Premise} | {pair.Hypothesis}");
        }
        foreach (var pair in swaps.Take(8))
        {
            output.WriteLine($"not entailment: {pair.Hypothesis}");
        }
    }

    private static float[] Unit(double angle) => [(float)Math.Cos(angle), (float)Math.Sin(angle), 0];
}
