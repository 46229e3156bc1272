namespace TruthGraph.Inference.Embeddings;

/// <summary>One text's vector and how many tokens it used (special tokens included, after truncation).</summary>
public readonly record struct EmbeddedText(float[] Vector, int Tokens, bool Truncated);

public sealed record EmbeddingResult(string ModelId, IReadOnlyList<EmbeddedText> Items)
{
    public int PromptTokens => Items.Sum(i => i.Tokens);
    public int TruncatedTexts => Items.Count(i => i.Truncated);
}
