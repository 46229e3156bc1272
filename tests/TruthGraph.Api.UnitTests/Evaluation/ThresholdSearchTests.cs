namespace TruthGraph.Api.UnitTests.Evaluation;

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

    [Fact]
    public void Shifts_the_offsets_only_when_no_threshold_can_decide_the_claims()
    {
        // The refuted claim's evidence leans to contradiction less than to entailment (0.35 < 0.40): no threshold makes it
        // refute, since a refuting evidence needs P(contradiction) > P(entailment). A contradiction shift of at least
        // log(0.40 / 0.35) ≈ 0.13 does; the smallest searched that is enough is +0.25.
        LabelledClaim[] claims = [Claim(Verdict.Supported), Claim(Verdict.Refuted)];
        VerificationResult[] results = [Result((0.7, 0.1, 0.8)), Result((0.40, 0.35, 0.8))];

        var plain = ThresholdSearch.Best(claims, results);
        var shifted = ThresholdSearch.Best(claims, results, searchOffsets: true);

        Assert.Equal([0.0, 0.0, 0.0], plain.OffsetShift);
        Assert.Contains(shifted.OffsetShift, new[] { new[] { 0.0, 0.0, 0.25 }, [-0.25, 0.0, 0.0] }.Select(a => (IReadOnlyList<double>)a),
            ShiftComparer.Instance);
        Assert.True(shifted.ClaimMacroF1 > plain.ClaimMacroF1, $"{shifted.ClaimMacroF1} vs {plain.ClaimMacroF1}");
        var decided = results.Select(r => VerdictAggregator.Decide(r.Evidence
            .Select(e => ThresholdSearch.Shift(new PairScores(e.Entailment, e.Neutral, e.Contradiction, e.Similarity),
                shifted.OffsetShift[0], shifted.OffsetShift[2])).ToList(),
            shifted.Thresholds).Verdict);
        Assert.Equal(claims.Select(c => c.Label), decided);
    }

    [Fact]
    public void A_shift_renormalises_the_three_probabilities()
    {
        var shifted = ThresholdSearch.Shift(new PairScores(0.2, 0.5, 0.3, 0.9), Math.Log(2), 0);

        Assert.Equal(0.4 / 1.2, shifted.Entailment, 9);
        Assert.Equal(0.5 / 1.2, shifted.Neutral, 9);
        Assert.Equal(0.3 / 1.2, shifted.Contradiction, 9);
        Assert.Equal(0.9, shifted.Similarity);
    }

    private sealed class ShiftComparer : IEqualityComparer<IReadOnlyList<double>>
    {
        public static readonly ShiftComparer Instance = new();

        public bool Equals(IReadOnlyList<double>? x, IReadOnlyList<double>? y) => x is not null && y is not null && x.SequenceEqual(y);

        public int GetHashCode(IReadOnlyList<double> obj) => obj.Count;
    }
}
