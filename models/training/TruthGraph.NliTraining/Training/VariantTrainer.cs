using TruthGraph.Api.Verification;
using System.Diagnostics;
using TruthGraph.NliTraining.Data;
using TruthGraph.NliTraining.Evaluation;
using TruthGraph.NliTraining.Verdicts;

namespace TruthGraph.NliTraining.Training;

/// <summary>The featurised data sets of a run. CLIMATE-FEVER rows are laid out claim by claim, five pairs each.</summary>
public sealed record FeatureSets(
    IReadOnlyList<ClaimExample> TrainClaims, IReadOnlyList<FeatureExample> Train,
    IReadOnlyList<ClaimExample> DevClaims, IReadOnlyList<FeatureExample> Dev,
    IReadOnlyList<FeatureExample> SnliDev, IReadOnlyList<FeatureExample> SnliTest);

/// <summary>
/// Trains and measures one choice of training data: out-of-fold predictions → offsets and train-tuned verdict
/// thresholds; the final head on all rows → dev pairs, dev claims (thresholds tuned on dev), SNLI test.
/// </summary>
public sealed class VariantTrainer(HeadOptions options)
{
    public VariantResult Run(FeatureSets sets, bool withSnli, Action<string, double>? progress = null)
    {
        var watch = Stopwatch.StartNew();
        var rows = withSnli ? sets.Train.Concat(sets.SnliDev).ToList() : sets.Train.ToList();
        var trainer = new HeadTrainer(options);

        // Offsets and train-side thresholds come from predictions on rows each fold's head never saw.
        var oof = trainer.OutOfFold(rows, fold => progress?.Invoke($"fold {fold}/{options.Folds}", fold / (options.Folds + 1.0)));
        var climateOof = oof.Take(sets.Train.Count).ToList(); // CLIMATE-FEVER rows come first
        var trainGold = sets.Train.Select(r => (int)r.Label).ToList();
        var (offsets, oofPairF1) = OffsetTuner.Tune(climateOof, trainGold);
        var trainClaimScores = Scoring.ByClaim(sets.TrainClaims, climateOof, offsets);
        var trainClaimGold = sets.TrainClaims.Select(c => c.Label).ToList();
        var (oofThresholds, oofClaimF1) = ThresholdTuner.Tune(trainClaimScores, trainClaimGold);

        progress?.Invoke("final head", options.Folds / (options.Folds + 1.0));
        var model = trainer.Train(rows);
        var dev = HeadTrainer.Predict(model, sets.Dev.Select(r => r.Features).ToList());
        var devGold = sets.Dev.Select(r => r.Label).ToList();
        var devClaimScores = Scoring.ByClaim(sets.DevClaims, dev, offsets);
        var devClaimGold = sets.DevClaims.Select(c => c.Label).ToList();
        var (devThresholds, _) = ThresholdTuner.Tune(devClaimScores, devClaimGold);
        var snli = HeadTrainer.Predict(model, sets.SnliTest.Select(r => r.Features).ToList());
        var snliGold = sets.SnliTest.Select(r => r.Label).ToList();
        double[] none = [0, 0, 0];
        progress?.Invoke("done", 1);

        return new VariantResult
        {
            Name = withSnli ? "CLIMATE-FEVER train + SNLI dev subset" : "CLIMATE-FEVER train",
            TrainingData = withSnli
                ? ["climate-fever/train.jsonl", "nli/snli_dev_subset.jsonl"]
                : ["climate-fever/train.jsonl"],
            TrainingRows = rows.Count,
            Model = model,
            Offsets = offsets,
            OofPairMacroF1 = oofPairF1,
            OofThresholds = oofThresholds,
            OofClaimMacroF1 = oofClaimF1,
            DevPairsRaw = Scoring.Pairs(dev, devGold, none),
            DevPairs = Scoring.Pairs(dev, devGold, offsets),
            DevThresholds = devThresholds,
            DevClaims = ThresholdTuner.Evaluate(devClaimScores, devClaimGold, devThresholds),
            DevClaimsOofThresholds = ThresholdTuner.Evaluate(devClaimScores, devClaimGold, oofThresholds),
            SnliTestRaw = Scoring.Pairs(snli, snliGold, none),
            SnliTest = Scoring.Pairs(snli, snliGold, offsets),
            DevProbabilities = dev,
            TrainSeconds = watch.Elapsed.TotalSeconds,
        };
    }
}
