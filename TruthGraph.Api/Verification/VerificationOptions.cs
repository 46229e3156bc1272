namespace TruthGraph.Api.Verification;

/// <summary>Limits and defaults of the verification pipeline (section <c>Verification</c>).</summary>
public sealed class VerificationOptions
{
    /// <summary>Must be the model the evidence was embedded with.</summary>
    public string EmbeddingModel { get; set; } = "all-minilm-l6-v2";

    /// <summary>
    /// The NLI model verdicts come from: the cross-encoder fine-tuned here, which reads evidence and claim together (so a
    /// changed number or a negation can make a pair a contradiction). models/README.md has its accuracy.
    /// </summary>
    public string NliModel { get; set; } = "nli-minilm-cross";

    /// <summary>
    /// The fast alternative a request may ask for (<c>"nliModel"</c>): a head on the stored sentence embeddings, about
    /// 3× quicker per claim, blind to what makes many false claims false (a claim and its negation embed alike).
    /// </summary>
    public string FastNliModel { get; set; } = "nli-minilm-head";

    /// <summary>The NLI models a request may name; anything else is a 400 naming <c>nliModel</c>.</summary>
    public IReadOnlyList<string> SelectableNliModels => new[] { NliModel, FastNliModel }.Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>
    /// Whether a sentence's wording may overrule the NLI model (<see cref="WordingCheck"/>): a near-copy of the claim with the
    /// same "not" counts as support, and the claim with another name as a contradiction. Off measures the model alone.
    /// </summary>
    public bool WordingChecks { get; set; } = true;

    public int DefaultTopK { get; set; } = 10;
    public int MaxTopK { get; set; } = 50;

    /// <summary>Evidence less similar than this to the claim is not considered at all.</summary>
    public double DefaultMinSimilarity { get; set; } = 0.25;

    public int MaxClaimLength { get; set; } = 2_000;
    public int MaxBatchClaims { get; set; } = 256;

    /// <summary>Result-cache entries kept (claim text × corpus version × model ids).</summary>
    public int ResultCacheSize { get; set; } = 10_000;
}
