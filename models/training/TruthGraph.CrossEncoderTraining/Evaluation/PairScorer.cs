using TruthGraph.CrossEncoderTraining.Data;
using TruthGraph.CrossEncoderTraining.Encoder;
using static TorchSharp.torch;

namespace TruthGraph.CrossEncoderTraining.Evaluation;

/// <summary>Soft-max probabilities (entailment, neutral, contradiction) of the model in evaluation mode.</summary>
public sealed class PairScorer(MiniLmCrossEncoder model, int padId, int batchSize = 32)
{
    public float[][] Probabilities(IReadOnlyList<EncodedPair> pairs) => Run(pairs, logits => logits.softmax(1));

    public float[][] Logits(IReadOnlyList<EncodedPair> pairs) => Run(pairs, logits => logits);

    public float[][] LogProbabilities(IReadOnlyList<EncodedPair> pairs) => Run(pairs, logits => nn.functional.log_softmax(logits, 1));

    private float[][] Run(IReadOnlyList<EncodedPair> pairs, Func<Tensor, Tensor> transform)
    {
        var result = new float[pairs.Count][];
        using var noGrad = no_grad();
        foreach (var batch in PairBatches.InLengthOrder(pairs, batchSize))
        {
            using var scope = NewDisposeScope();
            var (ids, mask, types) = PairBatches.ToTensors(pairs, batch, padId);
            var values = transform(model.Forward(ids, mask, types, training: false)).data<float>().ToArray();
            for (var row = 0; row < batch.Length; row++)
            {
                result[batch[row]] = values.AsSpan(row * MiniLmCrossEncoder.Labels, MiniLmCrossEncoder.Labels).ToArray();
            }
        }
        return result;
    }
}
