namespace TruthGraph.Inference.Models;

/// <summary>
/// An NLI model's probability calibration, fitted on labelled pairs the model never trained on by the API's
/// <c>calibrate</c> command, which writes this block into the manifest (models/README.md, "Calibration").
/// <c>temperature</c>: p' = softmax(log p / T) on the offset-adjusted probabilities p; labels (argmax) never change.
/// </summary>
/// <param name="Method"><c>temperature</c> (the only method the API applies).</param>
/// <param name="EceBefore">Expected calibration error (15 bins, top-label confidence) of the offset-adjusted probabilities.</param>
/// <param name="EceAfter">The same after calibration, on the same pairs.</param>
/// <param name="Pairs">How many labelled pairs the fit used.</param>
/// <param name="FittedOn">Which pairs, in words (never evaluation data).</param>
/// <param name="ReliabilityBefore">The reliability diagram before calibration, one entry per bin.</param>
/// <param name="ReliabilityAfter">The same after calibration.</param>
/// <param name="Check">The fitted temperature measured on other held-apart pairs, where the command had some.</param>
public sealed record CalibrationSpec(
    string Method, double Temperature, double EceBefore, double EceAfter, int Pairs, string? FittedOn = null, string? Command = null,
    double? NllBefore = null, double? NllAfter = null, double? Accuracy = null,
    IReadOnlyList<CalibrationBin>? ReliabilityBefore = null, IReadOnlyList<CalibrationBin>? ReliabilityAfter = null,
    CalibrationCheck? Check = null);

/// <summary>One reliability-diagram bin: pairs with top-label confidence in [BinLow, BinHigh), their mean confidence and accuracy.</summary>
public sealed record CalibrationBin(double BinLow, double BinHigh, int Count, double MeanConfidence, double Accuracy);

/// <summary>ECE before and after the fitted temperature on pairs it was not fitted on, and what they are.</summary>
public sealed record CalibrationCheck(string On, int Pairs, double EceBefore, double EceAfter);
