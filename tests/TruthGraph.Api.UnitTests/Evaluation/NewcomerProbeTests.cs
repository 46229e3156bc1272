using TruthGraph.Inference.Bench;

namespace TruthGraph.Api.UnitTests.Evaluation;

/// <summary>
/// The newcomer probe (<c>TruthGraph.Api/Evaluation/Data/newcomer-probe.jsonl</c>): claims a first-time user would type
/// against the sample corpus, each with the one corpus sentence that settles it. It is only useful while its facts are
/// the sample corpus's own sentences and its labels follow its kinds.
/// </summary>
public sealed class NewcomerProbeTests
{
    private static readonly Dictionary<string, Verdict> LabelOfKind = new()
    {
        ["paraphrase"] = Verdict.Supported,
        ["true-negation"] = Verdict.Supported,
        ["number"] = Verdict.Refuted,
        ["date"] = Verdict.Refuted,
        ["name"] = Verdict.Refuted,
        ["place"] = Verdict.Refuted,
        ["negation"] = Verdict.Refuted,
        ["antonym"] = Verdict.Refuted,
    };

    private static string ProbePath => Path.Combine(SharedData.RepositoryRoot()
        ?? throw new DirectoryNotFoundException("TruthGraph.sln not found above the test output folder."),
        "TruthGraph.Api", "Evaluation", "Data", "newcomer-probe.jsonl");

    [Fact]
    public void Every_claim_has_a_known_kind_a_label_that_follows_it_and_one_settling_sentence()
    {
        var claims = ClimateFeverClaims.Read(ProbePath);
        Assert.Equal(40, claims.Count);
        Assert.Equal(claims.Count, claims.Select(c => c.Claim.Trim().ToLowerInvariant()).Distinct().Count());
        foreach (var claim in claims)
        {
            Assert.True(claim.Kind is not null && LabelOfKind.ContainsKey(claim.Kind), $"{claim.Id}: kind '{claim.Kind}'");
            Assert.Equal(LabelOfKind[claim.Kind!], claim.Label);
            var evidence = Assert.Single(claim.Evidence);
            Assert.Equal(claim.Label == Verdict.Supported ? "SUPPORTS" : "REFUTES", ClimateFeverClaims.PairLabels[evidence.PairLabel]);
        }
    }

    [Fact]
    public void Every_fact_is_a_sample_corpus_sentence_word_for_word()
    {
        var corpus = SampleDataFiles.ParseCorpus().Sentences.Select(s => s.Text).ToHashSet(StringComparer.Ordinal);
        var facts = ClimateFeverClaims.Read(ProbePath).SelectMany(c => c.Evidence).Select(e => e.Text).Distinct().ToList();
        Assert.True(facts.Count >= 10, $"{facts.Count} facts");
        Assert.All(facts, fact => Assert.Contains(fact, corpus));
    }
}
