namespace TruthGraph.Inference.Cache;

/// <summary>No manifest has this id, or it is not a model of the task asked for; the APIs answer 404.</summary>
public sealed class ModelNotFoundException(string modelId, string why)
    : KeyNotFoundException($"Model '{modelId}' {why}.")
{
    public string ModelId { get; } = modelId;
}
