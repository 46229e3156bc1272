using TruthGraph.CrossEncoderTraining.Data;
using TruthGraph.CrossEncoderTraining.Encoder;
using TruthGraph.CrossEncoderTraining.Evaluation;
using TruthGraph.Inference.Tokenization;

namespace TruthGraph.CrossEncoderTraining.Training;

/// <summary>
/// The claim-only bias that <c>train --claim-prior-weight</c> trains against, as a product of experts. It is the
/// starting model's log-probabilities for each hypothesis read against a premise that says nothing. They are centred
/// per class over the training pairs, so only what a claim's own wording adds is left, and then scaled. The trainer
/// adds them to the logits inside the loss only. Pairs that the claim's wording already explains (a claim with "not"
/// that is a contradiction) then teach little, and pairs that go against it (a true claim with "not") teach more.
/// Evaluation and the exported model never see the prior.
/// </summary>
public static class ClaimOnlyPrior
{
    /// <summary>A premise that settles nothing, so that the answer comes from the hypothesis alone.</summary>
    public const string EmptyPremise = "Here is a sentence.";

    /// <summary>One row of <see cref="MiniLmCrossEncoder.Labels"/> values per hypothesis, in the order given.</summary>
    public static float[][] Compute(MiniLmCrossEncoder model, BertWordPieceTokenizer tokenizer, IReadOnlyList<string> hypotheses,
        int maxTokens, double weight) =>
        Centred(LogProbabilities(model, tokenizer, hypotheses, maxTokens), weight);

    /// <summary>The model's log-probabilities for each hypothesis against <see cref="EmptyPremise"/>, uncentred, in the order given.</summary>
    public static IReadOnlyList<double[]> LogProbabilities(MiniLmCrossEncoder model, BertWordPieceTokenizer tokenizer,
        IReadOnlyList<string> hypotheses, int maxTokens)
    {
        // Training pairs share claims (a claim with several evidence sentences): each distinct one is scored once.
        var distinct = hypotheses.Distinct(StringComparer.Ordinal).ToList();
        var encoded = distinct.Select(h => EncodedPair.Encode(tokenizer, EmptyPremise, h, maxTokens)).ToList();
        var scored = new PairScorer(model, tokenizer.PadId).LogProbabilities(encoded);
        var byHypothesis = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (var i = 0; i < distinct.Count; i++)
        {
            byHypothesis[distinct[i]] = Array.ConvertAll(scored[i], v => (double)v);
        }
        return [.. hypotheses.Select(h => byHypothesis[h])];
    }

    /// <summary>Each row minus the per-class mean of all rows, times <paramref name="weight"/>.</summary>
    public static float[][] Centred(IReadOnlyList<double[]> rows, double weight)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        var width = rows[0].Length;
        var mean = Enumerable.Range(0, width).Select(c => rows.Average(r => r[c])).ToArray();
        return [.. rows.Select(r => Enumerable.Range(0, width).Select(c => (float)(weight * (r[c] - mean[c]))).ToArray())];
    }
}
