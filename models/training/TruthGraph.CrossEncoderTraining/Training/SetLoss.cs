using static TorchSharp.torch;

namespace TruthGraph.CrossEncoderTraining.Training;

/// <summary>
/// Weighted cross-entropy against a set of allowed classes: −log Σ_{c allowed} p(c). With one allowed class this is
/// ordinary cross-entropy; RTE's "not_entailment" allows neutral or contradiction.
/// </summary>
public static class SetLoss
{
    public static Tensor Compute(Tensor logits, Tensor allowed, Tensor weights)
    {
        var logProbabilities = nn.functional.log_softmax(logits, 1);
        // Disallowed classes are pushed to −10⁴ in log space: they vanish from the log-sum-exp.
        var perPair = -(logProbabilities + (allowed - 1).mul(1e4f)).logsumexp(1);
        return (perPair * weights).sum() / weights.sum();
    }

    /// <summary>Weighted cross-entropy against a full target distribution per pair (a teacher's soft answer): −Σ_c t(c) log p(c).</summary>
    public static Tensor SoftTargets(Tensor logits, Tensor targets, Tensor weights)
    {
        var perPair = -(nn.functional.log_softmax(logits, 1) * targets).sum(1);
        return (perPair * weights).sum() / weights.sum();
    }
}
