namespace TruthGraph.Api.Inference;

/// <summary>Turns texts into sentence embeddings through the inference service.</summary>
public interface IEmbeddingClient
{
    /// <summary>One L2-normalised vector per text, in input order. Splits large inputs into requests the service accepts.</summary>
    Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, string modelId, CancellationToken cancellationToken);

    /// <summary>The embedding models the inference service can serve.</summary>
    Task<IReadOnlyList<EmbeddingModelInfo>> ListModelsAsync(CancellationToken cancellationToken);
}

public sealed record EmbeddingModelInfo(string Id, int Dimensions, bool Available);

/// <summary>The embedding model used when a request names none, and the vector width the evidence table stores.</summary>
public static class EmbeddingDefaults
{
    public const string ModelId = "all-minilm-l6-v2";
    public const int Dimensions = 384;

    /// <summary>What the inference service accepts in one request.</summary>
    public const int MaxTextsPerRequest = 256;
}
