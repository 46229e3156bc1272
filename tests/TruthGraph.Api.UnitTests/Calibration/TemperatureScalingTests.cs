using TruthGraph.Api.Calibration;

namespace TruthGraph.Api.UnitTests.Calibration;

public sealed class TemperatureScalingTests
{
    [Fact]
    public void Temperature_two_takes_the_square_root_of_the_probabilities_and_renormalises()
    {
        var (e, n, c) = TemperatureScaling.Apply(0.5, 0.25, 0.25, 2);

        // √0.5 : √0.25 : √0.25 = 0.7071 : 0.5 : 0.5, over 1.7071.
        Assert.Equal(Math.Sqrt(0.5) / (Math.Sqrt(0.5) + 1), e, 9);
        Assert.Equal(0.5 / (Math.Sqrt(0.5) + 1), n, 9);
        Assert.Equal(n, c, 12);
    }

    [Theory]
    [InlineData(0.7, 0.2, 0.1, 0.3)]
    [InlineData(0.1, 0.35, 0.55, 4)]
    [InlineData(0.34, 0.33, 0.33, 0.1)]
    public void Any_temperature_keeps_the_label(double entailment, double neutral, double contradiction, double temperature)
    {
        var before = new LabelledProbabilities(entailment, neutral, contradiction, 0);
        var after = TemperatureScaling.Apply(before, temperature);

        Assert.Equal(before.Predicted, after.Predicted);
        Assert.Equal(1, after.Entailment + after.Neutral + after.Contradiction, 12);
    }

    [Fact]
    public void The_fit_finds_the_temperature_that_makes_an_overconfident_model_honest()
    {
        // Logits (ln 36, 0, 0) → p = (36/38, 1/38, 1/38), right 3 times in 4. The NLL −¾·ln x + ln(x + 2) with
        // x = 36^(1/T) is smallest at x = 2·¾ / ¼ = 6, so T = ln 36 / ln 6 = 2 and the calibrated confidence is 6/8 = ¾.
        var overconfident = new LabelledProbabilities(36.0 / 38, 1.0 / 38, 1.0 / 38, Gold: 0);
        LabelledProbabilities[] pairs = [overconfident, overconfident, overconfident, overconfident with { Gold = 1 }];

        var temperature = TemperatureScaling.Fit(pairs);

        Assert.Equal(2, temperature, 4);
        var calibrated = pairs.Select(p => TemperatureScaling.Apply(p, temperature)).ToList();
        Assert.Equal(0.75, calibrated[0].Entailment, 4);
        Assert.Equal(36.0 / 38 - 0.75, CalibrationMetrics.Measure(pairs).ExpectedCalibrationError, 9);
        Assert.Equal(0, CalibrationMetrics.Measure(calibrated).ExpectedCalibrationError, 4);
        Assert.True(TemperatureScaling.NegativeLogLikelihood(pairs, temperature) < TemperatureScaling.NegativeLogLikelihood(pairs, 1));
    }

    [Fact]
    public void An_underconfident_model_gets_a_temperature_below_one()
    {
        // p = (0.5, 0.25, 0.25) and always right: sharper is always better, down to the search's lower bound.
        LabelledProbabilities[] pairs = [new(0.5, 0.25, 0.25, 0), new(0.25, 0.5, 0.25, 1)];

        Assert.True(TemperatureScaling.Fit(pairs) < 0.1);
    }
}
