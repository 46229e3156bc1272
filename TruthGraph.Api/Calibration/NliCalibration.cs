namespace TruthGraph.Api.Calibration;

/// <summary>
/// How an NLI model's probabilities are calibrated, as its manifest says and <c>POST /v1/nli</c> returns it:
/// <c>temperature</c> scaling with <see cref="Temperature"/> (<see cref="TemperatureScaling"/>).
/// </summary>
public sealed record NliCalibration(string Method, double Temperature)
{
    public const string TemperatureMethod = "temperature";

    /// <summary>The probabilities users are shown: calibrated when the method is known, else as given.</summary>
    public PairScores Apply(PairScores scores)
    {
        if (Method != TemperatureMethod || Temperature <= 0)
        {
            return scores;
        }
        var (e, n, c) = TemperatureScaling.Apply(scores.Entailment, scores.Neutral, scores.Contradiction, Temperature);
        return scores with { Entailment = e, Neutral = n, Contradiction = c };
    }
}
