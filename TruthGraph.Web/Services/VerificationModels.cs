using System.Text.Json.Serialization;

namespace TruthGraph.Web.Services;

/// <summary>Body of <c>POST /api/verify</c> as the dashboard sends it (no model: the API's default).</summary>
public sealed record VerifyRequestBody(
    string Claim, int TopK, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NliModel = null);

/// <summary>Body of <c>POST /api/verify/batch</c> as the dashboard sends it.</summary>
public sealed record VerifyBatchRequestBody(
    IReadOnlyList<string> Claims, int TopK, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? NliModel = null);

/// <summary>The dashboard's view of a verification result (the API owns the contract; this mirrors what is shown).</summary>
/// <param name="Timings">Null for a stored verification whose stage timings were never recorded.</param>
/// <param name="Explanation">Null for a stored verification made before explanations were kept.</param>
public sealed record VerificationView(
    Guid Id,
    string Claim,
    string Verdict,
    double Confidence,
    IReadOnlyList<EvidenceView> Evidence,
    TimingsView? Timings,
    ModelsView Models,
    bool Cached,
    DateTimeOffset CreatedAt,
    string? TraceId = null,
    ExplanationView? Explanation = null);

/// <param name="Role">supports, refutes, neutral or below-floor; null for a stored verification made before roles were kept.</param>
/// <param name="Overruled">restates-claim, swaps-name, swaps-number, negates-word, swaps-opposite, reverses-comparison, credits-another-name, denies-word, matches-span, misses-span, shares-negation, denies-replaced, restates-superlative, restates-comparison, reverses-direction, swaps-unit, swaps-roles or matches-amount when the sentence's wording overruled the NLI model; else null.</param>
/// <param name="ClaimCoverage">The share of the claim's content words the sentence has; null when the API did not read them.</param>
public sealed record EvidenceView(
    long Id, string Source, string ExternalId, string Text, double Similarity, double Entailment, double Neutral,
    double Contradiction, string Label, string? Role = null, bool Deciding = false, string? Overruled = null,
    double? ClaimCoverage = null);

/// <summary>Why the verdict came out: a reason in words and the evidence it rests on.</summary>
public sealed record ExplanationView(string Reason, IReadOnlyList<long> DecidingEvidenceIds, double RelevanceFloor);

public sealed record TimingsView(double EmbedMs, double RetrieveMs, double NliMs, double AggregateMs, double DbMs, double TotalMs, double OverheadMs);

public sealed record ModelsView(string Embedding, string Nli);

public sealed record SampleClaim(string Claim, string ExpectedVerdict, string? Topic, string? Rationale);

public sealed record VerificationPageView(IReadOnlyList<VerificationSummaryView> Items, int Page, int PageSize, long Total);

public sealed record VerificationSummaryView(Guid Id, string Claim, string Verdict, double Confidence, DateTimeOffset CreatedAt);
