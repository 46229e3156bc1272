namespace TruthGraph.Inference.Nli;

/// <summary>Maps a model's label order onto entailment / neutral / contradiction and applies log-prob offsets.</summary>
internal sealed class NliLabels
{
    private readonly int _entailment;
    private readonly int _neutral;
    private readonly int _contradiction;
    private readonly double[] _offsets;

    public NliLabels(IReadOnlyList<string> labels, IReadOnlyList<double>? logProbOffsets)
    {
        _entailment = IndexOf(labels, "entailment");
        _neutral = IndexOf(labels, "neutral");
        _contradiction = IndexOf(labels, "contradiction");
        _offsets = logProbOffsets?.ToArray() ?? new double[labels.Count];
        if (_offsets.Length != labels.Count)
        {
            throw new InvalidDataException($"The manifest has {labels.Count} labels but {_offsets.Length} log-prob offsets.");
        }
        Count = labels.Count;
    }

    public int Count { get; }

    /// <summary>
    /// Turns one row of class probabilities into a prediction. The offsets are added in log space and renormalised
    /// (softmax of log p + offset): that is how they were tuned, to trade recall between the classes.
    /// </summary>
    public NliPrediction FromProbabilities(ReadOnlySpan<float> probabilities)
    {
        Span<double> adjusted = stackalloc double[Count];
        var max = double.NegativeInfinity;
        for (var i = 0; i < Count; i++)
        {
            adjusted[i] = Math.Log(Math.Max(probabilities[i], 1e-12)) + _offsets[i];
            max = Math.Max(max, adjusted[i]);
        }
        double sum = 0;
        for (var i = 0; i < Count; i++)
        {
            adjusted[i] = Math.Exp(adjusted[i] - max);
            sum += adjusted[i];
        }
        double entailment = adjusted[_entailment] / sum, neutral = adjusted[_neutral] / sum, contradiction = adjusted[_contradiction] / sum;
        var label = entailment >= neutral && entailment >= contradiction ? "entailment"
            : contradiction > neutral ? "contradiction"
            : "neutral";
        return new NliPrediction(label, Math.Round(entailment, 6), Math.Round(neutral, 6), Math.Round(contradiction, 6));
    }

    private static int IndexOf(IReadOnlyList<string> labels, string name)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i], name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        throw new InvalidDataException($"An NLI manifest must name the label '{name}'; it has [{string.Join(", ", labels)}].");
    }
}
