namespace TruthGraph.NliTraining.Data;

/// <summary>
/// The head's classes, in the order of its probability output. The numeric values are the 0-based key values
/// ML.NET trains on (a 1-based key would silently shift every class) and the column index of the ONNX scores.
/// </summary>
public enum NliLabel
{
    Entailment = 0,
    Neutral = 1,
    Contradiction = 2,
}

public static class NliLabels
{
    public const int Count = 3;

    /// <summary>Names written into the manifest, in class-index order.</summary>
    public static readonly IReadOnlyList<string> Names = ["entailment", "neutral", "contradiction"];

    /// <summary>CLIMATE-FEVER evidence labels: the evidence is the premise and the claim the hypothesis.</summary>
    public static NliLabel FromClimateFever(string label) => label switch
    {
        "SUPPORTS" => NliLabel.Entailment,
        "NOT_ENOUGH_INFO" => NliLabel.Neutral,
        "REFUTES" => NliLabel.Contradiction,
        _ => throw new InvalidDataException($"Unknown CLIMATE-FEVER evidence label '{label}'."),
    };

    /// <summary>N / (K · count_c) per class: every class carries the same total weight in training.</summary>
    public static double[] ClassWeights(IReadOnlyList<NliLabel> labels)
    {
        var counts = new int[Count];
        foreach (var label in labels)
        {
            counts[(int)label]++;
        }
        return counts.Select(c => c == 0 ? 0 : labels.Count / (double)(Count * c)).ToArray();
    }

    public static NliLabel FromSnli(string label) => label switch
    {
        "entailment" => NliLabel.Entailment,
        "neutral" => NliLabel.Neutral,
        "contradiction" => NliLabel.Contradiction,
        _ => throw new InvalidDataException($"Unknown NLI label '{label}'."),
    };
}
