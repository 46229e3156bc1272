using System.Text.Json.Serialization;

namespace TruthGraph.Api.Inference;

/// <summary>
/// Turns texts into sentence embeddings: client for the inference service's OpenAI-compatible
/// <c>POST /v1/embeddings</c>. The base address is the service-discovery name "http://inference"; retries and
/// timeouts come from the ServiceDefaults resilience handler.
/// </summary>
public sealed class HttpEmbeddingClient(HttpClient http)
{
    /// <summary>One L2-normalised vector per text, in input order. Splits large inputs into requests the service accepts.</summary>
    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, string modelId, CancellationToken cancellationToken)
    {
        var vectors = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += EmbeddingDefaults.MaxTextsPerRequest)
        {
            var chunk = texts.Skip(start).Take(EmbeddingDefaults.MaxTextsPerRequest).ToArray();
            using var response = await http.PostAsJsonAsync("/v1/embeddings", new EmbeddingRequest(chunk, modelId), cancellationToken);
            await InferenceErrors.ThrowIfFailedAsync(response, "embedding", cancellationToken);
            var result = await response.Content.ReadFromJsonAsync<EmbeddingResponse>(cancellationToken)
                         ?? throw new InferenceServiceException("The inference service returned an empty embedding response.", (int)response.StatusCode);
            if (result.Data.Count != chunk.Length)
            {
                throw new InferenceServiceException($"Asked for {chunk.Length} embeddings, got {result.Data.Count}.", (int)response.StatusCode);
            }
            foreach (var item in result.Data)
            {
                if (item.Index < 0 || item.Index >= chunk.Length || item.Embedding.Length != EmbeddingDefaults.Dimensions)
                {
                    throw new InferenceServiceException(
                        $"Unexpected embedding at index {item.Index} with {item.Embedding.Length} dimensions (expected {EmbeddingDefaults.Dimensions}).",
                        (int)response.StatusCode);
                }
                vectors[start + item.Index] = item.Embedding;
            }
        }
        return vectors;
    }

    /// <summary>The embedding models the inference service can serve.</summary>
    public async Task<IReadOnlyList<EmbeddingModelInfo>> ListModelsAsync(CancellationToken cancellationToken)
    {
        var list = await http.GetFromJsonAsync<ModelList>("/v1/models", cancellationToken)
                   ?? throw new InferenceServiceException("The inference service returned an empty model list.", StatusCodes.Status200OK);
        return list.Data
            .Where(m => string.Equals(m.Task, "embedding", StringComparison.OrdinalIgnoreCase))
            .Select(m => new EmbeddingModelInfo(m.Id, m.Dimensions, m.Available))
            .ToList();
    }

    private sealed record EmbeddingRequest(
        [property: JsonPropertyName("input")] IReadOnlyList<string> Input,
        [property: JsonPropertyName("model")] string Model);

    private sealed record EmbeddingResponse([property: JsonPropertyName("data")] IReadOnlyList<EmbeddingItem> Data);

    private sealed record EmbeddingItem(
        [property: JsonPropertyName("index")] int Index,
        [property: JsonPropertyName("embedding")] float[] Embedding);

    private sealed record ModelList([property: JsonPropertyName("data")] IReadOnlyList<ModelEntry> Data);

    private sealed record ModelEntry(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("task")] string Task,
        [property: JsonPropertyName("dimensions")] int Dimensions,
        [property: JsonPropertyName("available")] bool Available);
}
