namespace TruthGraph.NliTraining.Embedding;

/// <summary>
/// Sentence embeddings for the trainer. Kept behind an interface so the package tokenizer used today can be
/// swapped for the product's own embedder (TruthGraph.Inference) without touching the training code: the head
/// must be trained on the same vectors the service will feed it.
/// </summary>
public interface ISentenceEmbedder : IDisposable
{
    /// <summary>Identifies model + tokenizer + pooling; part of the embedding cache key.</summary>
    string CacheKey { get; }

    int Dimensions { get; }

    /// <summary>sha256 (hex) of the encoder's model bytes, recorded in the head's manifest.</summary>
    string ModelSha256 { get; }

    /// <summary>L2-normalised embeddings, in the order of <paramref name="texts"/>; reports texts done so far.</summary>
    float[][] Embed(IReadOnlyList<string> texts, Action<int>? progress = null);
}
