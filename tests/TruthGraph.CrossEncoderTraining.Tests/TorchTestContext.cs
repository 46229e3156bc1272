using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using TruthGraph.CrossEncoderTraining.Native;
using TruthGraph.Inference.Bench;
using TruthGraph.Inference.Tokenization;

namespace TruthGraph.CrossEncoderTraining.Tests;

/// <summary>What the tests share: libtorch loaded once, the package's MiniLM weights, tokenizer and some real pairs.</summary>
public static class TorchTestContext
{
    // Before the lazy weights, which are parsed from these bytes rather than read from the package a second time.
    public static byte[] BaseModel { get; } = MiniLmOnnxWeights.ReadResource(MiniLmOnnxWeights.ModelResource);

    private static readonly Lazy<MiniLmOnnxWeights> LazyWeights = new(() =>
    {
        LibTorchNative.EnsureLoaded();
        return MiniLmOnnxWeights.FromOnnx(BaseModel);
    });

    private static readonly Lazy<BertWordPieceTokenizer> LazyTokenizer = new(() =>
    {
        using var vocab = new MemoryStream(MiniLmOnnxWeights.ReadResource(MiniLmOnnxWeights.VocabResource));
        return BertWordPieceTokenizer.Create(vocab);
    });

    public static MiniLmOnnxWeights Weights => LazyWeights.Value;
    public static BertWordPieceTokenizer Tokenizer => LazyTokenizer.Value;

    /// <summary>The first <paramref name="count"/> CLIMATE-FEVER dev pairs (evidence, claim), tokenized as the service does.</summary>
    public static List<EncodedPair> DevPairs(int count, int maxTokens = 128) =>
        Datasets.ReadClimateFever(SharedData.PathOf("climate-fever", "dev.jsonl"))
            .SelectMany(c => c.Pairs).Take(count)
            .Select(p => EncodedPair.Encode(Tokenizer, p.Premise, p.Hypothesis, maxTokens)).ToList();

    /// <summary>Runs an ONNX graph on the pairs one padded batch at a time (the batch's longest pair) and returns one output row per pair.</summary>
    public static float[][] RunOnnx(byte[] model, IReadOnlyList<EncodedPair> pairs, string output, int batchSize = 16)
    {
        using var session = new InferenceSession(model);
        var rows = new float[pairs.Count][];
        foreach (var batch in Enumerable.Range(0, pairs.Count).Chunk(batchSize))
        {
            var length = batch.Max(i => pairs[i].Length);
            var ids = new DenseTensor<long>([batch.Length, length]);
            var mask = new DenseTensor<long>([batch.Length, length]);
            var types = new DenseTensor<long>([batch.Length, length]);
            for (var r = 0; r < batch.Length; r++)
            {
                var pair = pairs[batch[r]];
                for (var t = 0; t < pair.Length; t++)
                {
                    ids[r, t] = pair.Ids[t];
                    mask[r, t] = 1;
                    types[r, t] = pair.TypeIds[t];
                }
            }
            using var results = session.Run([
                NamedOnnxValue.CreateFromTensor("input_ids", ids),
                NamedOnnxValue.CreateFromTensor("attention_mask", mask),
                NamedOnnxValue.CreateFromTensor("token_type_ids", types)]);
            var values = results.First(v => v.Name == output).AsTensor<float>().ToArray();
            var width = values.Length / batch.Length;
            for (var r = 0; r < batch.Length; r++)
            {
                rows[batch[r]] = values.AsSpan(r * width, width).ToArray();
            }
        }
        return rows;
    }

    public static double MaxDifference(float[][] a, float[][] b) =>
        a.Zip(b).Max(rows => rows.First.Zip(rows.Second).Max(p => Math.Abs(p.First - p.Second)));
}
