using TruthGraph.Api.Evaluation;
using TruthGraph.Api.Verification;

namespace TruthGraph.UnitTests;

public sealed class ThresholdSearchTests
{
    private static VerificationResult Result(params (double Entailment, double Contradiction, double Similarity)[] evidence) => new(
        Guid.NewGuid(), "claim", Verdict.NotEnoughInfo, 0,
        evidence.Select((e, i) => new ScoredEvidence(i, "test", $"e{i}", "text", e.Similarity, e.Entailment,
            1 - e.Entailment - e.Contradiction, e.Contradiction, PairLabel.Neutral)).ToList(),
        new StageTimings(0, 0, 0, 0, 0, 0), new ModelIds("embed", "nli"), 1, false, DateTimeOffset.UnixEpoch);

    private static LabelledClaim Claim(Verdict label) => new("id", "claim", label, []);

    [Fact]
    public void Finds_thresholds_that_separate_the_labelled_claims()
    {
        // Supported claims have entailment 0.6–0.7 on related evidence; the not-enough-info claims only 0.45, or
        // a strong score on an unrelated sentence (similarity 0.2): a support threshold in (0.45, 0.6] with a
        // similarity floor above 0.2 decides all four correctly.
        LabelledClaim[] claims = [Claim(Verdict.Supported), Claim(Verdict.Supported), Claim(Verdict.NotEnoughInfo), Claim(Verdict.NotEnoughInfo)];
        VerificationResult[] results =
        [
            Result((0.6, 0.1, 0.8)),
            Result((0.7, 0.1, 0.7)),
            Result((0.45, 0.1, 0.8)),
            Result((0.9, 0.05, 0.2)),
        ];

        var best = ThresholdSearch.Best(claims, results);

        Assert.InRange(best.Thresholds.Support, 0.46, 0.60);
        Assert.True(best.Thresholds.MinSimilarity > 0.2);
        Assert.True(best.ClaimMacroF1 > 0.49, $"macro-F1 {best.ClaimMacroF1}");
        var decided = results.Select(r => VerdictAggregator.Decide(
            r.Evidence.Select(e => new PairScores(e.Entailment, e.Neutral, e.Contradiction, e.Similarity)).ToList(), best.Thresholds).Verdict);
        Assert.Equal(claims.Select(c => c.Label), decided);
    }
}
