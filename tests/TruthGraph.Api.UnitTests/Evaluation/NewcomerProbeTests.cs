namespace TruthGraph.Api.UnitTests.Evaluation;

/// <summary>
/// The newcomer probe (<c>TruthGraph.Api/Evaluation/Data/newcomer-probe.jsonl</c>): claims a first-time user would type
/// against the sample corpus, each with the one corpus sentence that settles it. It is only useful while its facts are
/// the sample corpus's own sentences and its labels follow its kinds.
/// </summary>
public sealed class NewcomerProbeTests
{
    /// <summary>The kinds the probe uses: a claim either true or false against its one sentence.</summary>
    private static readonly HashSet<string> ProbeKinds = ["paraphrase", "true-negation", "number", "date", "name", "place", "negation", "antonym"];

    private static string ProbePath => EvaluationSetFiles.PathOf("newcomer-probe.jsonl");

    [Fact]
    public void Every_claim_has_a_known_kind_a_label_that_follows_it_and_one_settling_sentence()
    {
        var claims = ClimateFeverClaims.Read(ProbePath);
        Assert.Equal(40, claims.Count);
        Assert.Equal(claims.Count, claims.Select(c => c.Claim.Trim().ToLowerInvariant()).Distinct().Count());
        foreach (var claim in claims)
        {
            Assert.True(claim.Kind is not null && ProbeKinds.Contains(claim.Kind), $"{claim.Id}: kind '{claim.Kind}'");
            Assert.Equal(EvaluationSetFiles.LabelOfKind[claim.Kind!], claim.Label);
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
