namespace TruthGraph.Api.Inference;

public sealed record EmbeddingModelInfo(string Id, int Dimensions, bool Available);

/// <summary>The embedding model used when a request names none, and the vector width the evidence table stores.</summary>
public static class EmbeddingDefaults
{
    public const string ModelId = "all-minilm-l6-v2";
    public const int Dimensions = 384;

    /// <summary>What the inference service accepts in one request.</summary>
    public const int MaxTextsPerRequest = 256;
}
