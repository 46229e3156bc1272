using TruthGraph.Api.Calibration;

namespace TruthGraph.Api.UnitTests.Calibration;

/// <summary>The verdict is decided on the probabilities the thresholds were tuned on; only the confidence is calibrated.</summary>
public sealed class CalibratedVerdictTests
{
    private static readonly VerdictThresholds Thresholds = new(Support: 0.5, Refute: 0.45, MinSimilarity: 0.4);
    private static readonly NliCalibration Softer = new(NliCalibration.TemperatureMethod, 3);

    [Fact]
    public void Evidence_that_supports_before_calibration_still_supports_and_the_confidence_is_the_calibrated_one()
    {
        // (0.6, 0.2, 0.2) at T = 3: 0.6^⅓ / (0.6^⅓ + 2·0.2^⅓) = 0.8434 / 2.0130 = 0.419, below the support threshold.
        PairScores[] deciding = [new(0.6, 0.2, 0.2, 0.8), new(0.1, 0.8, 0.1, 0.7)];
        var shown = deciding.Select(Softer.Apply).ToList();

        var decision = VerdictAggregator.Decide(deciding, Thresholds, shown);

        Assert.Equal(Verdict.Supported, decision.Verdict);
        Assert.Equal([0], decision.SupportingEvidence);
        Assert.Equal(0.419, decision.Confidence, 3);
        Assert.Equal(Verdict.NotEnoughInfo, VerdictAggregator.Decide(shown, Thresholds).Verdict); // what deciding on calibrated ones would do
    }

    [Theory]
    [InlineData(0.9, 0.05, 0.05, 0.1, 0.1, 0.8)] // disputed
    [InlineData(0.2, 0.1, 0.7, 0.2, 0.7, 0.1)]   // refuted
    [InlineData(0.3, 0.4, 0.3, 0.2, 0.6, 0.2)]   // not enough info
    public void Every_verdict_and_its_evidence_stay_as_decided_without_calibration(double e1, double n1, double c1, double e2, double n2, double c2)
    {
        PairScores[] deciding = [new(e1, n1, c1, 0.9), new(e2, n2, c2, 0.85)];
        var shown = deciding.Select(Softer.Apply).ToList();

        var uncalibrated = VerdictAggregator.Decide(deciding, Thresholds);
        var calibrated = VerdictAggregator.Decide(deciding, Thresholds, shown);

        Assert.Equal(uncalibrated.Verdict, calibrated.Verdict);
        Assert.Equal(uncalibrated.SupportingEvidence, calibrated.SupportingEvidence);
        Assert.Equal(uncalibrated.RefutingEvidence, calibrated.RefutingEvidence);
        var expected = calibrated.Verdict switch
        {
            Verdict.Supported => calibrated.SupportingEvidence.Max(i => shown[i].Entailment),
            Verdict.Refuted => calibrated.RefutingEvidence.Max(i => shown[i].Contradiction),
            Verdict.Disputed => Math.Min(calibrated.SupportingEvidence.Max(i => shown[i].Entailment), calibrated.RefutingEvidence.Max(i => shown[i].Contradiction)),
            _ => 1 - shown.Max(s => Math.Max(s.Entailment, s.Contradiction)),
        };
        Assert.Equal(expected, calibrated.Confidence, 12);
        Assert.NotEqual(uncalibrated.Confidence, calibrated.Confidence, 3);
    }

    [Fact]
    public void An_unknown_method_leaves_the_probabilities_as_they_are()
    {
        var scores = new PairScores(0.6, 0.3, 0.1, 0.9);

        Assert.Equal(scores, new NliCalibration("isotonic", 2).Apply(scores));
    }

    [Fact]
    public void Shown_scores_must_match_the_evidence_one_for_one()
    {
        Assert.Throws<ArgumentException>(() => VerdictAggregator.Decide([new PairScores(0.6, 0.2, 0.2)], Thresholds, []));
    }
}
