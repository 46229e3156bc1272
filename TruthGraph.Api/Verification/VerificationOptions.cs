namespace TruthGraph.Api.Verification;

/// <summary>Limits and defaults of the verification pipeline (section <c>Verification</c>).</summary>
public sealed class VerificationOptions
{
    /// <summary>Must be the model the evidence was embedded with.</summary>
    public string EmbeddingModel { get; set; } = "all-minilm-l6-v2";

    public string NliModel { get; set; } = "nli-minilm-head";

    public int DefaultTopK { get; set; } = 10;
    public int MaxTopK { get; set; } = 50;

    /// <summary>Evidence less similar than this to the claim is not considered at all.</summary>
    public double DefaultMinSimilarity { get; set; } = 0.25;

    public int MaxClaimLength { get; set; } = 2_000;
    public int MaxBatchClaims { get; set; } = 256;

    /// <summary>Result-cache entries kept (claim text × corpus version × model ids).</summary>
    public int ResultCacheSize { get; set; } = 10_000;
}
