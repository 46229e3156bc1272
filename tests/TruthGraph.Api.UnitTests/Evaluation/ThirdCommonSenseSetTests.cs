using TruthGraph.Inference.Bench;

namespace TruthGraph.Api.UnitTests.Evaluation;

/// <summary>
/// The third contrast set (<c>TruthGraph.Api/Evaluation/Data/common-sense-third.jsonl</c>): 80 claims about 27 facts that
/// neither earlier set has, written in the eighth session before its changes to measure what carries to new facts.
/// </summary>
public sealed class ThirdCommonSenseSetTests
{
    private static readonly Lazy<IReadOnlyList<LabelledClaim>> Claims =
        new(() => ClimateFeverClaims.Read(EvaluationSetFiles.PathOf("common-sense-third.jsonl")));

    [Fact]
    public void Every_claim_has_a_known_kind_its_label_and_a_unique_id_and_wording()
    {
        var claims = Claims.Value;
        Assert.Equal(80, claims.Count);
        EvaluationSetFiles.AssertWellFormedContrastSet(claims);
    }

    [Fact]
    public void Its_facts_are_none_of_the_earlier_sets()
    {
        var earlier = new[] { "common-sense.jsonl", "common-sense-later.jsonl" }
            .SelectMany(f => ClimateFeverClaims.Read(EvaluationSetFiles.PathOf(f))).SelectMany(c => c.Evidence).Select(e => e.Text)
            .ToHashSet(StringComparer.Ordinal);
        var third = Claims.Value.SelectMany(c => c.Evidence).Select(e => e.Text).Distinct().ToList();

        Assert.True(third.Count >= 25, $"{third.Count} facts");
        Assert.DoesNotContain(third, earlier.Contains);
    }
}
