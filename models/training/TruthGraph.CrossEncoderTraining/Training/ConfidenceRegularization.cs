using TruthGraph.CrossEncoderTraining.Data;
using TruthGraph.CrossEncoderTraining.Encoder;
using TruthGraph.CrossEncoderTraining.Evaluation;
using TruthGraph.Inference.Tokenization;

namespace TruthGraph.CrossEncoderTraining.Training;

/// <summary>
/// The soft targets of <c>train --teacher</c>: confidence regularisation (Utama, Moosavi and Gurevych, ACL 2020)
/// against the claim-only bias. A teacher trained on the same mix scores every training pair; each pair's answer is
/// then flattened by how much of the gold answer the claim alone already gives (the teacher's reading of the claim
/// against <see cref="ClaimOnlyPrior.EmptyPremise"/>): target ∝ teacher^(1 − bias). A claim with "not" that is a
/// contradiction teaches a softer contradiction; a pair the claim's wording does not explain keeps the teacher's
/// answer. Unlike the product of experts (<see cref="ClaimOnlyPrior"/>, stage 12), the student never sees the bias in its
/// logits, so it keeps what the cue is right about ("Mount Everest is not in Nepal." stays a contradiction).
/// </summary>
public static class ConfidenceRegularization
{
    /// <summary>One row of <see cref="MiniLmCrossEncoder.Labels"/> probabilities per pair, in the order of <paramref name="pairs"/>.</summary>
    /// <param name="hypotheses">each pair's claim, for its claim-only reading</param>
    public static float[][] Targets(MiniLmCrossEncoder teacher, BertWordPieceTokenizer tokenizer, IReadOnlyList<EncodedPair> pairs,
        IReadOnlyList<string> hypotheses, int maxTokens)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(hypotheses.Count, pairs.Count);
        var answers = new PairScorer(teacher, tokenizer.PadId).Probabilities(pairs);
        var claimOnly = ClaimOnlyPrior.LogProbabilities(teacher, tokenizer, hypotheses, maxTokens);
        var biasOnGold = pairs.Select((pair, i) => BiasOnGold(claimOnly[i], pair.Allowed)).ToList();
        return Scaled(answers, biasOnGold);
    }

    /// <summary>The claim-only probability of the pair's gold answer: the sum over its allowed classes (RTE allows two).</summary>
    public static double BiasOnGold(IReadOnlyList<double> claimOnlyLogProbabilities, IReadOnlyList<float> allowed)
    {
        var sum = 0.0;
        for (var c = 0; c < allowed.Count; c++)
        {
            if (allowed[c] > 0)
            {
                sum += Math.Exp(claimOnlyLogProbabilities[c]);
            }
        }
        return Math.Clamp(sum, 0, 1);
    }

    /// <summary>Each teacher row raised to 1 − its bias and normalised: bias 0 keeps the row, bias 1 makes it uniform.</summary>
    public static float[][] Scaled(IReadOnlyList<float[]> teacher, IReadOnlyList<double> biasOnGold)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(biasOnGold.Count, teacher.Count);
        var result = new float[teacher.Count][];
        for (var i = 0; i < teacher.Count; i++)
        {
            var exponent = 1 - biasOnGold[i];
            // In log space: a teacher probability that rounds to 0 would make 0^exponent a 0 or a NaN.
            var logs = teacher[i].Select(p => exponent * Math.Log(Math.Max(p, 1e-12))).ToArray();
            var max = logs.Max();
            var weights = logs.Select(l => Math.Exp(l - max)).ToArray();
            var total = weights.Sum();
            result[i] = [.. weights.Select(w => (float)(w / total))];
        }
        return result;
    }
}
