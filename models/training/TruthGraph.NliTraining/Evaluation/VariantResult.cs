using TruthGraph.Api.Verification;
using Microsoft.ML;
using TruthGraph.NliTraining.Verdicts;

namespace TruthGraph.NliTraining.Evaluation;

/// <summary>Everything measured for one choice of training data.</summary>
public sealed record VariantResult
{
    public required string Name { get; init; }
    public required IReadOnlyList<string> TrainingData { get; init; }
    public required int TrainingRows { get; init; }
    public required ITransformer Model { get; init; }
    public required double[] Offsets { get; init; }

    /// <summary>Pair macro-F1 of the out-of-fold training predictions, with the offsets (what they were tuned for).</summary>
    public required double OofPairMacroF1 { get; init; }
    public required VerdictThresholds OofThresholds { get; init; }
    public required double OofClaimMacroF1 { get; init; }

    public required ConfusionMatrix DevPairsRaw { get; init; }
    public required ConfusionMatrix DevPairs { get; init; }
    public required VerdictThresholds DevThresholds { get; init; }

    /// <summary>Claims on dev with thresholds tuned on dev: what the issue asks for, but optimistic.</summary>
    public required ConfusionMatrix DevClaims { get; init; }

    /// <summary>Claims on dev with thresholds tuned on out-of-fold train predictions: an honest estimate.</summary>
    public required ConfusionMatrix DevClaimsOofThresholds { get; init; }

    public required ConfusionMatrix SnliTestRaw { get; init; }
    public required ConfusionMatrix SnliTest { get; init; }

    /// <summary>ML.NET probabilities of the dev pairs from the final head (before offsets), for the ONNX check.</summary>
    public required float[][] DevProbabilities { get; init; }

    public required double TrainSeconds { get; init; }
}
