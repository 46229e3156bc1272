namespace TruthGraph.Api.Calibration;

/// <summary>
/// One scored pair with its gold answer: the NLI model's probabilities in label order (entailment, neutral,
/// contradiction), after the manifest's log-prob offsets, and the index of the gold label.
/// </summary>
public readonly record struct LabelledProbabilities(double Entailment, double Neutral, double Contradiction, int Gold)
{
    public double this[int label] => label switch
    {
        0 => Entailment,
        1 => Neutral,
        2 => Contradiction,
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "Labels are 0 (entailment), 1 (neutral) and 2 (contradiction)."),
    };

    /// <summary>The label the model picks (the first of equals, as the inference service does).</summary>
    public int Predicted => Entailment >= Neutral && Entailment >= Contradiction ? 0 : Neutral >= Contradiction ? 1 : 2;

    /// <summary>Top-label confidence: the probability of the label the model picks.</summary>
    public double Confidence => this[Predicted];
}
