namespace TruthGraph.Api.Evaluation;

/// <summary>
/// Finds the verdict thresholds that give the best claim macro-F1 on a set of verified claims, re-deciding each
/// claim from the evidence scores the pipeline already produced (retrieval and NLI are not run again). It also
/// searches a shift of the model's log-prob offsets: <c>p ∝ p · exp(δ)</c> on top of the offsets the scores already
/// carry, so that a model's class balance is set on the same claims as its thresholds.
/// </summary>
public static class ThresholdSearch
{
    /// <param name="OffsetShift">δ per class (entailment, neutral, contradiction) to add to the manifest's <c>logProbOffsets</c>; neutral stays 0.</param>
    public sealed record Outcome(VerdictThresholds Thresholds, double ClaimMacroF1, IReadOnlyList<double> OffsetShift);

    private static readonly double[] Floors = [0, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65];

    /// <summary>Refute floors searched above the floor (null = the floor itself).</summary>
    private static readonly double?[] RefuteFloors = [null, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];

    /// <summary>Shifts searched for entailment and contradiction (−1.5 to +2 by 0.25); ties go to the smallest, so (0, 0) wins when it is as good.</summary>
    private static readonly double[] Shifts = Enumerable.Range(-6, 15).Select(i => i * 0.25).ToArray();

    /// <param name="searchOffsets">false keeps the scores as they are (only thresholds and floor are searched)</param>
    public static Outcome Best(IReadOnlyList<LabelledClaim> claims, IReadOnlyList<VerificationResult> results, bool searchOffsets = false)
    {
        var scores = results
            .Select(r => r.Evidence.Select(e => e.DecidingScoresFor(r.Claim)).ToList())
            .ToList();
        // Shifts on a 0.02 threshold grid without refute floors first (hundreds of shifts × the full grid is slow, so they
        // run in parallel), then the 0.01 grid with refute floors for the best shift. Ties go to the earliest shift in
        // the list (the smallest), as in a sequential search.
        var shifts = searchOffsets
            ? Shifts.SelectMany(e => Shifts, (e, c) => (Entailment: e, Contradiction: c))
                .OrderBy(s => Math.Abs(s.Entailment) + Math.Abs(s.Contradiction))
                .ToList()
            : [];
        var shiftF1 = shifts.AsParallel().AsOrdered()
            .Select(s => BestThresholds(claims, Shifted(scores, s.Entailment, s.Contradiction), 0.02, [null]).MacroF1)
            .ToList();
        var bestShift = (Entailment: 0.0, Contradiction: 0.0);
        var bestF1 = double.MinValue;
        for (var i = 0; i < shifts.Count; i++)
        {
            if (shiftF1[i] > bestF1 + 1e-9)
            {
                (bestShift, bestF1) = (shifts[i], shiftF1[i]);
            }
        }
        var shifted = Shifted(scores, bestShift.Entailment, bestShift.Contradiction);
        var (thresholds, macroF1) = BestThresholds(claims, shifted, 0.01, RefuteFloors);
        // A dispute margin on top, with support and refute searched again for each (floors kept: the grid is already large).
        foreach (var margin in DisputeMargins)
        {
            var (withMargin, f1) = BestThresholds(claims, shifted, 0.01, [thresholds.RefuteMinSimilarity], [thresholds.MinSimilarity], margin);
            if (f1 > macroF1 + 1e-9)
            {
                (thresholds, macroF1) = (withMargin, f1);
            }
        }
        return new Outcome(thresholds, macroF1, [bestShift.Entailment, 0, bestShift.Contradiction]);
    }

    /// <summary>Dispute margins searched once the other thresholds are chosen (none when it does not help).</summary>
    private static readonly double[] DisputeMargins = [0.02, 0.05, 0.08, 0.1, 0.15, 0.2, 0.25, 0.3];

    private static List<List<PairScores>> Shifted(List<List<PairScores>> scores, double entailment, double contradiction) =>
        scores.Select(claim => claim.Select(s => Shift(s, entailment, contradiction)).ToList()).ToList();

    private static (VerdictThresholds Thresholds, double MacroF1) BestThresholds(IReadOnlyList<LabelledClaim> claims, List<List<PairScores>> scores, double step,
        IReadOnlyList<double?> refuteFloors, IReadOnlyList<double>? floors = null, double? disputeMargin = null)
    {
        var best = (Thresholds: new VerdictThresholds(0.5, 0.5), MacroF1: double.MinValue);
        foreach (var floor in floors ?? Floors)
        foreach (var refuteFloor in refuteFloors.Where(f => f is null || f > floor))
        for (var support = 0.30; support <= 0.901; support += step)
        {
            for (var refute = 0.30; refute <= 0.901; refute += step)
            {
                var thresholds = new VerdictThresholds(Math.Round(support, 2), Math.Round(refute, 2), floor, refuteFloor, disputeMargin);
                var f1 = ClassificationReport.From(VerdictNames.Names,
                    claims.Select((c, i) => ((int)c.Label, (int)VerdictAggregator.Decide(scores[i], thresholds).Verdict))).MacroF1;
                if (f1 > best.MacroF1 + 1e-9)
                {
                    best = (thresholds, f1);
                }
            }
        }
        return best;
    }

    /// <summary>The scores with log-prob shifts added to entailment and contradiction, renormalised.</summary>
    public static PairScores Shift(PairScores s, double entailment, double contradiction)
    {
        if (entailment == 0 && contradiction == 0)
        {
            return s;
        }
        var e = s.Entailment * Math.Exp(entailment);
        var c = s.Contradiction * Math.Exp(contradiction);
        var total = e + s.Neutral + c;
        return total <= 0 ? s : s with { Entailment = e / total, Neutral = s.Neutral / total, Contradiction = c / total };
    }
}
