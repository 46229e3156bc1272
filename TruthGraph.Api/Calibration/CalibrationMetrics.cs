namespace TruthGraph.Api.Calibration;

/// <summary>
/// Expected calibration error (ECE) with equal-width bins on top-label confidence: ECE = Σ_b (n_b / N) · |accuracy_b −
/// mean confidence_b|. 15 bins is the usual choice in the calibration literature (Guo et al. 2017), so figures compare.
/// </summary>
public static class CalibrationMetrics
{
    public const int DefaultBins = 15;

    public static CalibrationReport Measure(IReadOnlyList<LabelledProbabilities> pairs, int bins = DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var counts = new int[bins];
        var confidenceSums = new double[bins];
        var correct = new int[bins];
        double logLoss = 0;
        foreach (var pair in pairs)
        {
            var confidence = pair.Confidence;
            // A confidence of exactly 1 belongs in the last bin, which is closed above.
            var bin = Math.Min((int)(confidence * bins), bins - 1);
            counts[bin]++;
            confidenceSums[bin] += confidence;
            if (pair.Predicted == pair.Gold)
            {
                correct[bin]++;
            }
            logLoss -= Math.Log(Math.Max(pair[pair.Gold], 1e-12));
        }

        var reliability = new List<ReliabilityBin>(bins);
        double ece = 0;
        for (var b = 0; b < bins; b++)
        {
            var meanConfidence = counts[b] == 0 ? 0 : confidenceSums[b] / counts[b];
            var accuracy = counts[b] == 0 ? 0 : (double)correct[b] / counts[b];
            reliability.Add(new ReliabilityBin((double)b / bins, (double)(b + 1) / bins, counts[b], meanConfidence, accuracy));
            if (pairs.Count > 0)
            {
                ece += (double)counts[b] / pairs.Count * Math.Abs(accuracy - meanConfidence);
            }
        }
        return new CalibrationReport(ece, pairs.Count, pairs.Count == 0 ? 0 : (double)correct.Sum() / pairs.Count,
            pairs.Count == 0 ? 0 : logLoss / pairs.Count, reliability);
    }
}
