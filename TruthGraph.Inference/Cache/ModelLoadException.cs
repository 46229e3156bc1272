namespace TruthGraph.Inference.Cache;

/// <summary>A known model whose files could not be turned into a working model (missing, damaged, wrong format).</summary>
public sealed class ModelLoadException(string modelId, string reason, Exception inner)
    : Exception($"Model '{modelId}' could not be loaded: {reason}", inner)
{
    public string ModelId { get; } = modelId;
}
