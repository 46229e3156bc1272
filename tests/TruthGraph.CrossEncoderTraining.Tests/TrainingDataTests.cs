using TruthGraph.CrossEncoderTraining.Data;
using TruthGraph.CrossEncoderTraining.Encoder;
using TruthGraph.NliTraining.Data;

namespace TruthGraph.CrossEncoderTraining.Tests;

/// <summary>The data mix on small fixture files: what each source contributes, with which weight, and how neutrals are made.</summary>
public sealed class TrainingDataTests
{
    [Fact]
    public void Neutral_pairs_take_the_evidence_of_the_nearest_claim_that_shares_no_sentence()
    {
        // Claim vectors on a circle: "b" is nearest to "a", then "c", "d" is far away.
        var pairs = new List<NliPair>
        {
            new("Paris is the capital of France. It lies on the Seine.", "Paris is in France.", NliLabel.Entailment),
            // Shares a sentence with a's evidence: pairing them would not be neutral (it may entail).
            new("It lies on the Seine. The Louvre is there.", "The Louvre is in Paris.", NliLabel.Entailment),
            new("Lyon is a city in the Rhone valley.", "Lyon is in France.", NliLabel.Contradiction),
            new("Mount Fuji is a volcano in Japan.", "Fuji is in Japan.", NliLabel.Entailment),
        };
        var vectors = new Dictionary<string, float[]>
        {
            ["Paris is in France."] = Unit(0.0),
            ["The Louvre is in Paris."] = Unit(0.1),
            ["Lyon is in France."] = Unit(0.3),
            ["Fuji is in Japan."] = Unit(2.5),
        };

        var neutrals = SimilarClaimNeutrals.Build(pairs, vectors, count: 4, new Random(1));

        Assert.Equal(4, neutrals.Count);
        Assert.All(neutrals, n => Assert.Equal(NliLabel.Neutral, n.Label));
        var forParis = Assert.Single(neutrals, n => n.Hypothesis == "Paris is in France.");
        Assert.Equal("Lyon is a city in the Rhone valley.", forParis.Premise);
        var forFuji = Assert.Single(neutrals, n => n.Hypothesis == "Fuji is in Japan.");
        Assert.Equal("Lyon is a city in the Rhone valley.", forFuji.Premise);
        Assert.All(neutrals, n => Assert.DoesNotContain(pairs, p => p.Hypothesis == n.Hypothesis && p.Premise == n.Premise));
    }

    [Fact]
    public void The_mix_reads_every_source_with_its_weight_and_holds_tune_and_dev_claims_out()
    {
        var data = Fixture.Create();
        try
        {
            var mix = new DataMix(TuneShare: 0.5, SnliLimit: -1, RteLimit: -1, FeverLimit: -1, FeverNeutrals: 2, FragmentsPerFile: 1,
                ClimateWeight: 2, RteWeight: 0.5, FragmentWeight: 0.3, Seed: 3);
            var embedded = new List<string>();
            var loaded = TrainingData.Load(data.FullName, mix, texts =>
            {
                var list = texts.ToList();
                embedded.AddRange(list);
                return list.Distinct().Select((t, i) => (t, Unit(i * 0.2))).ToDictionary(x => x.t, x => x.Item2);
            });

            var bySource = loaded.Train.GroupBy(p => p.Source).ToDictionary(g => g.Key, g => g.ToList());
            Assert.Single(loaded.TuneClaims);
            Assert.Equal(2, loaded.DevClaims.Count);
            Assert.Equal(5, bySource["climate-fever"].Count); // the other claim's 5 pairs
            Assert.All(bySource["climate-fever"], p => Assert.Equal(2, p.Weight));
            Assert.DoesNotContain(bySource["climate-fever"], p => loaded.TuneClaims[0].Pairs.Any(t => t.Hypothesis == p.Hypothesis));
            Assert.Equal(3, bySource["fever"].Count);
            Assert.Equal(3, embedded.Count); // only FEVER's claims are embedded, once each
            Assert.Equal(2, bySource["fever-neutral"].Count);
            Assert.Equal(2, bySource["snli"].Count);
            Assert.Equal([NliLabel.Neutral, NliLabel.Contradiction], bySource["rte"].Single(p => p.Allowed.Count == 2).Allowed);
            Assert.All(bySource["rte"], p => Assert.Equal(0.5, p.Weight));
            Assert.Equal(2, bySource["fragments"].Count); // one from each of the two *_train files; *_val is never read
            Assert.All(bySource["fragments"], p => Assert.Equal(0.3, p.Weight));
            Assert.DoesNotContain(loaded.Train, p => p.Premise.Contains("validation", StringComparison.Ordinal));
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    [Fact]
    public void Sentence_vectors_of_the_untrained_model_are_unit_length_and_closer_for_paraphrases()
    {
        var model = new MiniLmCrossEncoder(TorchTestContext.Weights, new LoraSettings(0, 0, 0), dropout: 0);
        var vectors = SentenceEmbeddings.Embed(model, TorchTestContext.Tokenizer,
            ["The cat sat on the mat.", "A cat was sitting on the mat.", "Interest rates rose in March."]);

        Assert.All(vectors.Values, v => Assert.Equal(1.0, Math.Sqrt(v.Sum(x => (double)x * x)), 4));
        double Cos(string a, string b) => vectors[a].Zip(vectors[b], (x, y) => (double)x * y).Sum();
        Assert.True(Cos("The cat sat on the mat.", "A cat was sitting on the mat.") > Cos("The cat sat on the mat.", "Interest rates rose in March.") + 0.3);
    }

    [Theory]
    [InlineData("Sound cannot travel through a vacuum.", "Sound can travel through a vacuum.")]
    [InlineData("Sound can travel through water.", "Sound cannot travel through water.")]
    [InlineData("Ottawa is the capital of Canada.", "Ottawa is not the capital of Canada.")]
    [InlineData("Mars has two moons.", "Mars does not have two moons.")]
    [InlineData("The wall was not visible.", "The wall was visible.")]
    public void Negation_flips_the_first_negatable_verb(string sentence, string expected) =>
        Assert.Equal(expected, ClaimMutations.Negate(sentence));

    [Fact]
    public void Mutations_change_a_number_or_a_negation_and_pair_both_directions_as_contradictions()
    {
        var random = new Random(5);
        var changed = ClaimMutations.ChangeNumber("Apollo 11 landed in 1969 with 3 astronauts.", random);
        Assert.NotNull(changed);
        Assert.NotEqual("Apollo 11 landed in 1969 with 3 astronauts.", changed);
        Assert.Null(ClaimMutations.ChangeNumber("No digits here.", random));
        Assert.Null(ClaimMutations.Negate("Rainbows appear after rain showers."));

        var pairs = ClaimMutations.Build(["Paris is in France.", "The Nile flows into the sea in 3 branches.", "Rainbows appear after showers."], 10, new Random(1));
        Assert.Equal(4, pairs.Count); // the third sentence has neither a verb to negate nor a number
        Assert.All(pairs, p => Assert.Equal(NliLabel.Contradiction, p.Label));
        Assert.All(pairs, p => Assert.Contains(pairs, q => q.Premise == p.Hypothesis && q.Hypothesis == p.Premise));
    }

    private static float[] Unit(double angle) => [(float)Math.Cos(angle), (float)Math.Sin(angle), 0];

    /// <summary>A tiny shared-data folder with every file the mix reads.</summary>
    private static class Fixture
    {
        public static DirectoryInfo Create()
        {
            var root = Directory.CreateTempSubdirectory("truthgraph-mix-");
            var climate = Directory.CreateDirectory(Path.Combine(root.FullName, "climate-fever"));
            var nli = Directory.CreateDirectory(Path.Combine(root.FullName, "nli"));
            var fragments = Directory.CreateDirectory(Path.Combine(nli.FullName, "fragments"));
            File.WriteAllLines(Path.Combine(climate.FullName, "train.jsonl"), [Claim("t1", "Sea level is rising."), Claim("t2", "Glaciers are shrinking.")]);
            File.WriteAllLines(Path.Combine(climate.FullName, "dev.jsonl"), [Claim("d1", "Ice sheets melt."), Claim("d2", "CO2 warms the planet.")]);
            File.WriteAllLines(Path.Combine(nli.FullName, "snli_dev_subset.jsonl"), [Nli("A dog runs.", "An animal moves.", "entailment"), Nli("A man eats.", "A man sleeps.", "contradiction")]);
            File.WriteAllLines(Path.Combine(nli.FullName, "snli_test_subset.jsonl"), [Nli("A girl sings.", "Someone sings.", "entailment")]);
            File.WriteAllLines(Path.Combine(nli.FullName, "rte_all_labeled.jsonl"), [Nli("Rome is old.", "Rome is ancient.", "entailment"), Nli("Rome is old.", "Rome is new.", "not_entailment")]);
            File.WriteAllLines(Path.Combine(nli.FullName, "fever_pairs.jsonl"),
            [
                Nli("Ada Lovelace wrote about the Analytical Engine.", "Ada Lovelace wrote about an engine.", "entailment"),
                Nli("The Nile flows north into the Mediterranean.", "The Nile flows south.", "contradiction"),
                Nli("Mars has two moons, Phobos and Deimos.", "Mars has two moons.", "entailment"),
            ]);
            File.WriteAllLines(Path.Combine(fragments.FullName, "negation_train.jsonl"), [Nli("Al has only visited Peru", "Al didn't visit Chile", "entailment"), Nli("Bo has only visited Fiji", "Bo didn't visit Fiji", "contradiction")]);
            File.WriteAllLines(Path.Combine(fragments.FullName, "counting_train.jsonl"), [Nli("Cy has visited only two places", "Cy has visited Oslo, Rome and Bern", "contradiction")]);
            File.WriteAllLines(Path.Combine(fragments.FullName, "negation_val.jsonl"), [Nli("validation premise", "validation hypothesis", "neutral")]);
            return root;
        }

        private static string Claim(string id, string claim)
        {
            var evidences = Enumerable.Range(0, 5).Select(i => new
            {
                evidence_id = $"{id}-{i}", evidence_label = i == 0 ? "SUPPORTS" : "NOT_ENOUGH_INFO", article = "Fixture",
                evidence = $"Evidence {i} about {claim}", entropy = 0.0, votes = new[] { "SUPPORTS" },
            });
            return System.Text.Json.JsonSerializer.Serialize(new { claim_id = id, claim, claim_label = "SUPPORTS", evidences });
        }

        private static string Nli(string premise, string hypothesis, string label) =>
            System.Text.Json.JsonSerializer.Serialize(new { premise, hypothesis, label });
    }
}
