using TruthGraph.Inference.Cache;

namespace TruthGraph.Inference.Embeddings;

/// <summary>One text's vector and how many tokens it used (special tokens included, after truncation).</summary>
public readonly record struct EmbeddedText(float[] Vector, int Tokens, bool Truncated);

public sealed record EmbeddingResult(string ModelId, IReadOnlyList<EmbeddedText> Items)
{
    public int PromptTokens => Items.Sum(i => i.Tokens);
    public int TruncatedTexts => Items.Count(i => i.Truncated);
}

/// <summary>The way other code embeds texts: picks the model from the cache (loading it if needed) and batches.</summary>
public interface ITextEmbedder
{
    /// <exception cref="ModelNotFoundException">No manifest has this id, or it is not an embedding model.</exception>
    Task<EmbeddingResult> EmbedAsync(string modelId, IReadOnlyList<string> texts, CancellationToken cancellationToken);
}

/// <summary>A loaded sentence encoder.</summary>
public interface IEmbeddingModel : ILoadedModel
{
    int Dimensions { get; }

    /// <summary>Through the micro-batcher when the model's runtime has it on, else at once.</summary>
    Task<EmbeddedText[]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);

    /// <summary>On the calling thread, no queue: for tools and benchmarks.</summary>
    EmbeddedText[] EmbedNow(IReadOnlyList<string> texts);
}
