namespace TruthGraph.Inference.Models;

/// <summary>
/// How a bi-encoder head's input is built from two embeddings: <see cref="Layout"/> is concatenated in order, e.g.
/// <c>["u", "v", "abs(u-v)", "u*v"]</c> with u = premise (evidence) and v = hypothesis (claim) embedding.
/// </summary>
public sealed record HeadFeatureSpec
{
    public IReadOnlyList<string> Layout { get; init; } = [];
    public string? U { get; init; }
    public string? V { get; init; }
    public int EmbeddingDimensions { get; init; }
    public int Dimensions { get; init; }
}

/// <summary>Names and shape of an ONNX classifier's input and outputs.</summary>
public sealed record OnnxIoSpec
{
    public required string Input { get; init; }
    public IReadOnlyList<long> InputShape { get; init; } = [];
    public string InputType { get; init; } = "float32";

    /// <summary>Output holding the class probabilities, in the manifest's label order.</summary>
    public required string Probabilities { get; init; }

    /// <summary>Output holding the argmax label index; it ignores any log-prob offsets.</summary>
    public string? PredictedLabel { get; init; }
    public string? Note { get; init; }
}

/// <summary>
/// Thresholds of the claim verdict rule on offset-adjusted probabilities: evidence supports when
/// p(entailment) ≥ <see cref="Support"/> (and ≥ p(contradiction)), refutes when p(contradiction) ≥ <see cref="Refute"/>
/// (and &gt; p(entailment)). The full rule and the confidence definition are in <see cref="Rule"/> and <see cref="Confidence"/>.
/// </summary>
public sealed record VerdictThresholdSpec
{
    public double Support { get; init; }
    public double Refute { get; init; }

    /// <summary>Evidence less similar to the claim (cosine of the embeddings) counts neither way.</summary>
    public double MinSimilarity { get; init; }

    /// <summary>Optional: how similar evidence must be to refute (above <see cref="MinSimilarity"/>); null = the floor.</summary>
    public double? RefuteMinSimilarity { get; init; }

    /// <summary>Optional: when evidence both supports and refutes, a side whose best evidence is this much less similar to the claim is dropped.</summary>
    public double? DisputeMargin { get; init; }
    public string? TunedOn { get; init; }
    public string? Rule { get; init; }
    public string? Confidence { get; init; }
}
