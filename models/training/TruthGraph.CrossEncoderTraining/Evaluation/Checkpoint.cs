using TruthGraph.Api.Verification;
using TruthGraph.ServiceDefaults.Measurement;
using TruthGraph.NliTraining.Training;
using TruthGraph.NliTraining.Verdicts;

namespace TruthGraph.CrossEncoderTraining.Evaluation;

/// <summary>One point of the learning curve: the model after <see cref="Step"/> optimiser steps.</summary>
public sealed record CurvePoint(
    double Epoch, int Step, double Minutes, double TrainLoss,
    double TunePairMacroF1, double TuneClaimMacroF1,
    double DevPairMacroF1Argmax, double DevPairMacroF1, double DevClaimMacroF1, double[] DevPairClassF1,
    double SnliTestAccuracy, double[] LogProbOffsets, double SupportThreshold, double RefuteThreshold)
{
    /// <summary>What picks the kept checkpoint: held-out CLIMATE-FEVER train claims only, never dev.</summary>
    public double SelectionScore => (TunePairMacroF1 + TuneClaimMacroF1) / 2;
}

/// <summary>
/// Scores a checkpoint: offsets and verdict thresholds are tuned on the held-out training claims, then applied to
/// CLIMATE-FEVER dev (pair and claim macro-F1) and the SNLI test subset (accuracy, plain argmax).
/// </summary>
public static class CheckpointEvaluation
{
    public static CurvePoint Evaluate(PairScorer scorer, EvaluationSet set, double epoch, int step, double minutes, double trainLoss)
    {
        var tune = scorer.Probabilities(set.TunePairs);
        var dev = scorer.Probabilities(set.DevPairs);
        var snli = scorer.Probabilities(set.SnliPairs);

        var (offsets, tunePairF1) = OffsetTuner.Tune(tune, set.TuneGold);
        var (thresholds, tuneClaimF1) = ThresholdTuner.Tune(ClaimScores(tune, offsets, set.TuneClaimSizes), set.TuneVerdicts);

        var devAdjusted = dev.Select(p => LogProbOffsets.Apply(p, offsets)).ToList();
        var devPairs = ConfusionMatrix.From(set.DevGold, devAdjusted.Select(LogProbOffsets.ArgMax).ToList(), NliLabels.Count);
        var devArgmax = ConfusionMatrix.From(set.DevGold, dev.Select(p => LogProbOffsets.ArgMax(p.Select(x => (double)x).ToList())).ToList(), NliLabels.Count);
        var devClaims = ThresholdTuner.Evaluate(ClaimScores(dev, offsets, set.DevClaimSizes), set.DevVerdicts, thresholds);
        var snliMatrix = ConfusionMatrix.From(set.SnliGold, snli.Select(p => LogProbOffsets.ArgMax(p.Select(x => (double)x).ToList())).ToList(), NliLabels.Count);

        return new CurvePoint(epoch, step, minutes, trainLoss, tunePairF1, tuneClaimF1,
            devArgmax.MacroF1, devPairs.MacroF1, devClaims.MacroF1, Enumerable.Range(0, NliLabels.Count).Select(devPairs.F1).ToArray(),
            snliMatrix.Accuracy, offsets, thresholds.Support, thresholds.Refute);
    }

    /// <summary>Per claim, its evidence's offset-adjusted scores (pairs are stored claim by claim, in order).</summary>
    private static List<IReadOnlyList<PairScores>> ClaimScores(float[][] probabilities, double[] offsets, IReadOnlyList<int> claimSizes)
    {
        var claims = new List<IReadOnlyList<PairScores>>();
        var at = 0;
        foreach (var size in claimSizes)
        {
            claims.Add(probabilities.Skip(at).Take(size).Select(p => LogProbOffsets.Apply(p, offsets)).Select(a => new PairScores(a[0], a[1], a[2])).ToList());
            at += size;
        }
        return claims;
    }
}
