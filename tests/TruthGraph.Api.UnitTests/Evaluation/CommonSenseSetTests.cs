using System.Text.Json;
using TruthGraph.Inference.Bench;

namespace TruthGraph.Api.UnitTests.Evaluation;

/// <summary>The hand-written contrast set (<c>TruthGraph.Api/Evaluation/Data/common-sense.jsonl</c>) is what it claims to be.</summary>
public sealed class CommonSenseSetTests
{
    /// <summary>Each kind (its label: <see cref="EvaluationSetFiles.LabelOfKind"/>) and the least number of claims the set must have of it.</summary>
    private static readonly Dictionary<string, int> Minimums = new()
    {
        ["paraphrase"] = 40,
        ["number"] = 15,
        ["date"] = 15,
        ["name"] = 15,
        ["place"] = 15,
        ["negation"] = 15,
        ["true-negation"] = 10,
        ["antonym"] = 15,
        ["unrelated-detail"] = 25,
        ["conflict"] = 8,
    };

    private static string SetPath => EvaluationSetFiles.PathOf("common-sense.jsonl");

    private static readonly Lazy<IReadOnlyList<LabelledClaim>> Claims = new(() => ClimateFeverClaims.Read(SetPath));

    private static IReadOnlyDictionary<string, string> Facts() =>
        Claims.Value.SelectMany(c => c.Evidence).GroupBy(e => e.EvidenceId).ToDictionary(g => g.Key, g => g.First().Text);

    [Fact]
    public void It_parses_with_at_least_180_claims_and_the_minimum_of_every_kind()
    {
        var claims = Claims.Value;
        Assert.True(claims.Count >= 180, $"{claims.Count} claims");
        Assert.All(claims, c => Assert.True(c.Kind is not null && Minimums.ContainsKey(c.Kind), $"{c.Id}: kind '{c.Kind}'"));
        foreach (var (kind, minimum) in Minimums)
        {
            var count = claims.Count(c => c.Kind == kind);
            Assert.True(count >= minimum, $"{kind}: {count} claims, at least {minimum} wanted");
        }
        Assert.Equal(claims.Count, claims.Select(c => c.Id).Distinct().Count());
        Assert.Equal(claims.Count, claims.Select(c => c.Claim.Trim().ToLowerInvariant()).Distinct().Count());
    }

    [Fact]
    public void Every_claim_label_and_evidence_label_agrees_with_its_kind()
    {
        foreach (var claim in Claims.Value)
        {
            Assert.True(EvaluationSetFiles.LabelOfKind[claim.Kind!] == claim.Label, $"{claim.Id} ({claim.Kind}) is labelled {claim.Label}");
            Assert.NotEmpty(claim.Evidence);
            var pairLabels = claim.Evidence.Select(e => ClimateFeverClaims.PairLabels[e.PairLabel]).ToList();
            if (claim.Kind == "conflict")
            {
                // Two sources that disagree: at least one backs the claim and at least one contradicts it.
                Assert.True(claim.Evidence.Select(e => e.EvidenceId).Distinct().Count() >= 2, claim.Id);
                Assert.Contains("SUPPORTS", pairLabels);
                Assert.Contains("REFUTES", pairLabels);
            }
            else
            {
                var expected = claim.Label switch
                {
                    Verdict.Supported => "SUPPORTS",
                    Verdict.Refuted => "REFUTES",
                    _ => "NOT_ENOUGH_INFO",
                };
                Assert.All(pairLabels, label => Assert.Equal(expected, label));
            }
        }
    }

    [Fact]
    public void It_has_at_least_60_unique_facts_each_id_naming_one_text_and_the_eval_ingests_each_once()
    {
        var byId = Claims.Value.SelectMany(c => c.Evidence).GroupBy(e => e.EvidenceId).ToList();
        Assert.All(byId, group => Assert.Single(group.Select(e => e.Text).Distinct()));
        var facts = Facts();
        Assert.True(facts.Count >= 60, $"{facts.Count} facts");
        Assert.Equal(facts.Count, facts.Values.Select(t => t.Trim().ToLowerInvariant()).Distinct().Count());

        // What the eval command loads as its corpus: every evidence sentence once, by evidence_id, none rejected.
        var parsed = ClimateFeverParser.Parse(new StringReader(File.ReadAllText(SetPath)), new ParseOptions("eval", null));
        Assert.Empty(parsed.Errors);
        Assert.Equal(facts.Keys.Order(StringComparer.Ordinal), parsed.Sentences.Select(s => s.ExternalId).Order(StringComparer.Ordinal));
        Assert.All(parsed.Sentences, s => Assert.Equal(facts[s.ExternalId!], s.Text));
    }

    [Fact]
    public void No_fact_is_taken_from_the_sample_corpus_or_the_fever_training_pairs()
    {
        var sample = SampleDataFiles.ParseCorpus().Sentences.Select(s => s.Text).ToList();
        var premises = File.ReadLines(SharedData.PathOf("nli", "fever_pairs.jsonl"))
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("premise").GetString()!)
            .ToList();
        Assert.True(premises.Count > 1000, $"{premises.Count} FEVER premises");
        foreach (var fact in Facts().Values)
        {
            Assert.DoesNotContain(sample, s => Overlaps(s, fact));
            Assert.DoesNotContain(premises, p => Overlaps(p, fact));
        }
    }

    /// <summary>The same sentence, or one inside the other (a premise often joins several sentences).</summary>
    private static bool Overlaps(string text, string fact) =>
        text.Contains(fact, StringComparison.OrdinalIgnoreCase) || fact.Contains(text, StringComparison.OrdinalIgnoreCase);
}
