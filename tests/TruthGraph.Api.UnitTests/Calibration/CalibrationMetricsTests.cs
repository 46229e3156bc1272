using TruthGraph.Api.Calibration;

namespace TruthGraph.Api.UnitTests.Calibration;

public sealed class CalibrationMetricsTests
{
    [Fact]
    public void Ece_weighs_each_bins_gap_between_accuracy_and_confidence_by_its_share_of_pairs()
    {
        // By hand: 0.9 right (bin 13), 0.8 wrong (bin 12), two at 0.6 with one right (bin 9):
        // ECE = ¼·|1 − 0.9| + ¼·|0 − 0.8| + ½·|0.5 − 0.6| = 0.025 + 0.2 + 0.05 = 0.275.
        LabelledProbabilities[] pairs =
        [
            new(0.9, 0.05, 0.05, Gold: 0),
            new(0.8, 0.1, 0.1, Gold: 2),
            new(0.1, 0.6, 0.3, Gold: 1),
            new(0.2, 0.2, 0.6, Gold: 1),
        ];

        var report = CalibrationMetrics.Measure(pairs);

        Assert.Equal(0.275, report.ExpectedCalibrationError, 9);
        Assert.Equal(0.5, report.Accuracy, 9);
        Assert.Equal(4, report.Pairs);
        Assert.Equal(15, report.Bins.Count);
        Assert.Equal(4, report.Bins.Sum(b => b.Count));
        var bin9 = report.Bins[9];
        Assert.Equal((0.6, 2, 0.6, 0.5), (Math.Round(bin9.BinLow, 9), bin9.Count, Math.Round(bin9.MeanConfidence, 9), bin9.Accuracy));
        Assert.Equal((1, 0.9, 1.0), (report.Bins[13].Count, Math.Round(report.Bins[13].MeanConfidence, 9), report.Bins[13].Accuracy));
        Assert.Equal((1, 0.0), (report.Bins[12].Count, report.Bins[12].Accuracy));
        // −(ln 0.9 + ln 0.1 + ln 0.6 + ln 0.2) / 4
        Assert.Equal(-(Math.Log(0.9) + Math.Log(0.1) + Math.Log(0.6) + Math.Log(0.2)) / 4, report.NegativeLogLikelihood, 9);
    }

    [Fact]
    public void A_confidence_of_one_falls_in_the_last_bin_and_a_perfect_model_has_no_error()
    {
        var report = CalibrationMetrics.Measure([new LabelledProbabilities(0, 0, 1, Gold: 2)]);

        Assert.Equal(1, report.Bins[14].Count);
        Assert.Equal(0, report.ExpectedCalibrationError, 12);
    }
}
