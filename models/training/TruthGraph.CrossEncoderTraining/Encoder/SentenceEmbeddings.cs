using TruthGraph.CrossEncoderTraining.Data;
using TruthGraph.Inference.Tokenization;
using static TorchSharp.torch;

namespace TruthGraph.CrossEncoderTraining.Encoder;

/// <summary>
/// all-MiniLM-L6-v2 sentence vectors (masked mean of the last hidden state, L2-normalised) from a model whose adapters
/// are still untouched, i.e. the pretrained encoder itself: the vectors the product stores, without a second runtime.
/// </summary>
public static class SentenceEmbeddings
{
    public static Dictionary<string, float[]> Embed(MiniLmCrossEncoder untrained, BertWordPieceTokenizer tokenizer,
        IEnumerable<string> texts, int maxTokens = 128, int batchSize = 64)
    {
        var distinct = texts.Distinct(StringComparer.Ordinal).ToList();
        var encoded = distinct.Select(t =>
        {
            var input = tokenizer.Encode(t, maxTokens);
            return new EncodedPair(input.Ids, input.TypeIds, [1, 1, 1], 1);
        }).ToList();
        var vectors = new Dictionary<string, float[]>(distinct.Count, StringComparer.Ordinal);
        using var noGrad = no_grad();
        foreach (var batch in PairBatches.InLengthOrder(encoded, batchSize))
        {
            using var scope = NewDisposeScope();
            var (ids, mask, types) = PairBatches.ToTensors(encoded, batch, tokenizer.PadId);
            var pooled = MiniLmCrossEncoder.MeanPool(untrained.Encode(ids, mask, types, training: false), mask);
            var normalised = pooled / pooled.norm(1, keepdim: true).clamp_min(1e-12);
            var values = normalised.data<float>().ToArray();
            for (var row = 0; row < batch.Length; row++)
            {
                vectors[distinct[batch[row]]] = values.AsSpan(row * MiniLmCrossEncoder.Hidden, MiniLmCrossEncoder.Hidden).ToArray();
            }
        }
        return vectors;
    }
}
