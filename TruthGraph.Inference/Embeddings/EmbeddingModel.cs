using TruthGraph.Inference.Cache;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Onnx;
using TruthGraph.Inference.Telemetry;
using TruthGraph.Inference.Tokenization;

namespace TruthGraph.Inference.Embeddings;

/// <summary>A BERT-style sentence encoder on ONNX Runtime: the encoder's token states, mean or CLS pooled.</summary>
public sealed class EmbeddingModel(ModelManifest manifest, EncoderParts parts, ModelRuntime runtime, InferenceTelemetry telemetry)
    : EncoderModel<string, EmbeddedText>(manifest, parts, manifest.OutputName ?? parts.Sessions.OutputNames[0], runtime, telemetry,
        InferenceTelemetry.Embed, "embed batch"), IEmbeddingModel
{
    private readonly bool _clsPooling = string.Equals(manifest.Pooling, "cls", StringComparison.OrdinalIgnoreCase);

    public int Dimensions => Manifest.Dimensions;

    protected override string WarmUpInput => "warm-up";

    public Task<EmbeddedText[]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken) =>
        RunAsync(texts, cancellationToken);

    public EmbeddedText[] EmbedNow(IReadOnlyList<string> texts) => RunBatch(texts, []);

    protected override TokenizedInput Tokenize(string input) => Tokenizer.Encode(input, Manifest.MaxTokens);

    protected override void ReadRun(ReadOnlySpan<float> hidden, ReadOnlySpan<int> rows, int width, TokenizedInput[] inputs, EmbeddedText[] results)
    {
        var dims = hidden.Length / (rows.Length * width);
        for (var r = 0; r < rows.Length; r++)
        {
            var input = inputs[rows[r]];
            var vector = new float[dims];
            var tokensToPool = _clsPooling ? 1 : input.Length;
            for (var t = 0; t < tokensToPool; t++)
            {
                var row = hidden.Slice((r * width + t) * dims, dims);
                for (var d = 0; d < dims; d++)
                {
                    vector[d] += row[d];
                }
            }
            var scale = 1f / tokensToPool;
            var norm = 0.0;
            for (var d = 0; d < dims; d++)
            {
                vector[d] *= scale;
                norm += vector[d] * (double)vector[d];
            }
            if (Manifest.Normalize && norm > 0)
            {
                var inverse = (float)(1 / Math.Sqrt(norm));
                for (var d = 0; d < dims; d++)
                {
                    vector[d] *= inverse;
                }
            }
            results[rows[r]] = new EmbeddedText(vector, input.Length, input.Truncated);
        }
    }
}
