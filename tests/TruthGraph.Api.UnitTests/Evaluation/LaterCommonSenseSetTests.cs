using TruthGraph.Inference.Bench;

namespace TruthGraph.Api.UnitTests.Evaluation;

/// <summary>
/// The later contrast set (<c>TruthGraph.Api/Evaluation/Data/common-sense-later.jsonl</c>): claims about facts the first set
/// does not have, written after the wording checks of the first six sessions, to measure how far those carry to facts
/// they were not written for.
/// </summary>
public sealed class LaterCommonSenseSetTests
{
    private static readonly Lazy<IReadOnlyList<LabelledClaim>> Claims =
        new(() => ClimateFeverClaims.Read(EvaluationSetFiles.PathOf("common-sense-later.jsonl")));

    [Fact]
    public void Every_claim_has_a_known_kind_its_label_and_a_unique_id_and_wording()
    {
        var claims = Claims.Value;
        Assert.True(claims.Count >= 150, $"{claims.Count} claims");
        EvaluationSetFiles.AssertWellFormedContrastSet(claims);
    }

    [Fact]
    public void Its_facts_are_none_of_the_first_sets()
    {
        var first = ClimateFeverClaims.Read(EvaluationSetFiles.PathOf("common-sense.jsonl"))
            .SelectMany(c => c.Evidence).Select(e => e.Text).ToHashSet(StringComparer.Ordinal);
        var later = Claims.Value.SelectMany(c => c.Evidence).Select(e => e.Text).Distinct().ToList();

        Assert.True(later.Count >= 45, $"{later.Count} facts");
        Assert.DoesNotContain(later, first.Contains);
    }
}
