using TruthGraph.Inference.Tokenization;
using static TorchSharp.torch;

namespace TruthGraph.CrossEncoderTraining.Data;

/// <summary>A tokenized pair: <c>[CLS] premise [SEP] hypothesis [SEP]</c> ids and type ids, its allowed-class mask and weight.</summary>
public sealed record EncodedPair(int[] Ids, int[] TypeIds, float[] Allowed, float Weight)
{
    public int Length => Ids.Length;

    public static EncodedPair Encode(BertWordPieceTokenizer tokenizer, string premise, string hypothesis, int maxTokens,
        float[]? allowed = null, float weight = 1)
    {
        var input = tokenizer.EncodePair(premise, hypothesis, maxTokens);
        return new EncodedPair(input.Ids, input.TypeIds, allowed ?? [1, 1, 1], weight);
    }
}

/// <summary>
/// Dynamic padding: each batch is padded only to its longest pair. Training batches are drawn from length-sorted
/// pools of a few hundred shuffled pairs (little padding, still random); evaluation runs in length order.
/// </summary>
public static class PairBatches
{
    private const int PoolBatches = 25;

    public static List<int[]> Training(IReadOnlyList<EncodedPair> pairs, int batchSize, Random random)
    {
        var order = Enumerable.Range(0, pairs.Count).OrderBy(_ => random.Next()).ToArray();
        var batches = new List<int[]>();
        foreach (var pool in order.Chunk(batchSize * PoolBatches))
        {
            batches.AddRange(pool.OrderBy(i => pairs[i].Length).Chunk(batchSize));
        }
        return batches.OrderBy(_ => random.Next()).ToList();
    }

    public static IEnumerable<int[]> InLengthOrder(IReadOnlyList<EncodedPair> pairs, int batchSize) =>
        Enumerable.Range(0, pairs.Count).OrderBy(i => pairs[i].Length).Chunk(batchSize);

    /// <summary>int64 ids, attention mask and type ids [batch, longest]; padding uses <paramref name="padId"/>.</summary>
    public static (Tensor Ids, Tensor Mask, Tensor Types) ToTensors(IReadOnlyList<EncodedPair> pairs, IReadOnlyList<int> batch, int padId)
    {
        var length = batch.Max(i => pairs[i].Length);
        var ids = new long[batch.Count * length];
        var mask = new long[ids.Length];
        var types = new long[ids.Length];
        Array.Fill(ids, padId);
        for (var row = 0; row < batch.Count; row++)
        {
            var pair = pairs[batch[row]];
            for (var t = 0; t < pair.Length; t++)
            {
                ids[row * length + t] = pair.Ids[t];
                mask[row * length + t] = 1;
                types[row * length + t] = pair.TypeIds[t];
            }
        }
        long[] shape = [batch.Count, length];
        return (tensor(ids, shape), tensor(mask, shape), tensor(types, shape));
    }
}
