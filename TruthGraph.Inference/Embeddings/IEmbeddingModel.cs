using TruthGraph.Inference.Cache;

namespace TruthGraph.Inference.Embeddings;

/// <summary>A loaded sentence encoder.</summary>
public interface IEmbeddingModel : ILoadedModel
{
    int Dimensions { get; }

    /// <summary>Through the micro-batcher when the model's runtime has it on, else at once.</summary>
    Task<EmbeddedText[]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken);

    /// <summary>On the calling thread, no queue: for tools and benchmarks.</summary>
    EmbeddedText[] EmbedNow(IReadOnlyList<string> texts);
}
