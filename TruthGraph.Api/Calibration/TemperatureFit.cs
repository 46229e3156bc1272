namespace TruthGraph.Api.Calibration;

/// <summary>A fitted temperature and the calibration it gives on the pairs it was fitted on, before and after.</summary>
public sealed record TemperatureFit(double Temperature, CalibrationReport Before, CalibrationReport After)
{
    public static TemperatureFit On(IReadOnlyList<LabelledProbabilities> pairs, int bins = CalibrationMetrics.DefaultBins)
    {
        var temperature = TemperatureScaling.Fit(pairs);
        return new TemperatureFit(temperature, CalibrationMetrics.Measure(pairs, bins), CalibrationMetrics.Measure(Scaled(pairs, temperature), bins));
    }

    /// <summary>The same temperature measured on other pairs (a check on pairs it was not fitted on).</summary>
    public (CalibrationReport Before, CalibrationReport After) MeasureOn(IReadOnlyList<LabelledProbabilities> pairs) =>
        (CalibrationMetrics.Measure(pairs, Before.Bins.Count), CalibrationMetrics.Measure(Scaled(pairs, Temperature), Before.Bins.Count));

    private static List<LabelledProbabilities> Scaled(IReadOnlyList<LabelledProbabilities> pairs, double temperature) =>
        pairs.Select(p => TemperatureScaling.Apply(p, temperature)).ToList();
}
