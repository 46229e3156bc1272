using TruthGraph.Api.Verification;

namespace TruthGraph.Api.Evaluation;

/// <summary>
/// Finds the verdict thresholds that give the best claim macro-F1 on a set of verified claims, re-deciding each
/// claim from the evidence scores the pipeline already produced (retrieval and NLI are not run again).
/// </summary>
public static class ThresholdSearch
{
    public sealed record Outcome(VerdictThresholds Thresholds, double ClaimMacroF1);

    public static Outcome Best(IReadOnlyList<LabelledClaim> claims, IReadOnlyList<VerificationResult> results)
    {
        var scores = results
            .Select(r => r.Evidence.Select(e => new PairScores(e.Entailment, e.Neutral, e.Contradiction, e.Similarity)).ToList())
            .ToList();
        var best = new Outcome(new VerdictThresholds(0.5, 0.5), double.MinValue);
        double[] floors = [0, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65];
        foreach (var floor in floors)
        for (var support = 0.30; support <= 0.901; support += 0.01)
        {
            for (var refute = 0.30; refute <= 0.901; refute += 0.01)
            {
                var thresholds = new VerdictThresholds(Math.Round(support, 2), Math.Round(refute, 2), floor);
                var f1 = ClassificationReport.From(VerdictNames.Names,
                    claims.Select((c, i) => ((int)c.Label, (int)VerdictAggregator.Decide(scores[i], thresholds).Verdict))).MacroF1;
                if (f1 > best.ClaimMacroF1 + 1e-9)
                {
                    best = new Outcome(thresholds, f1);
                }
            }
        }
        return best;
    }
}
