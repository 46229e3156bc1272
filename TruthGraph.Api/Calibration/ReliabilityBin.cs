namespace TruthGraph.Api.Calibration;

/// <summary>
/// One bin of a reliability diagram: the pairs whose top-label confidence falls in [<see cref="BinLow"/>,
/// <see cref="BinHigh"/>), how confident the model was on them on average, and how often it was right.
/// </summary>
public sealed record ReliabilityBin(double BinLow, double BinHigh, int Count, double MeanConfidence, double Accuracy);

/// <summary>Expected calibration error and the reliability diagram it is read from.</summary>
public sealed record CalibrationReport(double ExpectedCalibrationError, int Pairs, double Accuracy, double NegativeLogLikelihood,
    IReadOnlyList<ReliabilityBin> Bins);
