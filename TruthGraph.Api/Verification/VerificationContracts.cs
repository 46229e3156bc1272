using System.Text.Json.Serialization;

namespace TruthGraph.Api.Verification;

/// <summary>Body of <c>POST /api/verify</c>; <paramref name="NliModel"/> picks another selectable NLI model than the default.</summary>
public sealed record VerifyRequest(string? Claim, int? TopK = null, double? MinSimilarity = null, string? NliModel = null);

/// <summary>Body of <c>POST /api/verify/batch</c>.</summary>
public sealed record VerifyBatchRequest(IReadOnlyList<string?>? Claims, int? TopK = null, double? MinSimilarity = null, string? NliModel = null);

[JsonConverter(typeof(JsonStringEnumConverter<PairLabel>))]
public enum PairLabel
{
    [JsonStringEnumMemberName("entailment")] Entailment,
    [JsonStringEnumMemberName("neutral")] Neutral,
    [JsonStringEnumMemberName("contradiction")] Contradiction,
}

/// <summary>A verdict with the evidence, scores, stage timings and models behind it.</summary>
/// <param name="TraceId">
/// The W3C trace id of the request that produced this answer (for a cached answer: the request that was answered from
/// the cache); the dashboard and <c>GET /api/traces/{traceId}</c> show its spans. Null when tracing was off.
/// </param>
/// <param name="Explanation">
/// Why the verdict came out: the deciding evidence and a reason in words. Null only on a stored verification made before
/// explanations were kept.
/// </param>
/// <param name="Calibration">
/// The calibration applied to the evidence probabilities and to <paramref name="Confidence"/>; null when the NLI model has
/// none (or the verification was stored before calibration existed). The verdict itself is never decided on calibrated
/// probabilities.
/// </param>
/// <param name="Timings">
/// Where the time went, stage by stage. Null only on a stored verification whose timings were never recorded (one made
/// before they were stored): the history says so instead of showing zeros.
/// </param>
public sealed record VerificationResult(
    Guid Id,
    string Claim,
    Verdict Verdict,
    double Confidence,
    IReadOnlyList<ScoredEvidence> Evidence,
    StageTimings? Timings,
    ModelIds Models,
    long CorpusVersion,
    bool Cached,
    DateTimeOffset CreatedAt,
    string? TraceId = null,
    VerdictExplanation? Explanation = null,
    NliCalibration? Calibration = null);

public static class VerificationResultTimings
{
    /// <summary>The timings of a verification just made by <see cref="VerificationService"/>, which always measures them.</summary>
    public static StageTimings MeasuredTimings(this VerificationResult result) =>
        result.Timings ?? throw new InvalidOperationException($"Verification {result.Id} carries no stage timings.");
}

/// <summary>
/// One retrieved evidence sentence and how the NLI model read it. <see cref="Entailment"/>, <see cref="Neutral"/> and
/// <see cref="Contradiction"/> are what users are shown: calibrated when the model is (see
/// <see cref="VerificationResult.Calibration"/>). <see cref="Uncalibrated"/> holds the offset-adjusted probabilities the
/// verdict thresholds were tuned on and the verdict was decided on; null when the model has no calibration (then they
/// are the shown ones).
/// </summary>
/// <param name="Role">What the sentence did for the verdict; null only on a stored verification made before roles were kept.</param>
/// <param name="Deciding">True when the verdict rests on this sentence (see <see cref="VerdictExplanation.DecidingEvidenceIds"/>).</param>
/// <param name="Overruled">
/// Set when the sentence's wording overruled the NLI model (<see cref="WordingCheck"/>): its entailment and contradiction
/// are then the model's, swapped. Null when the model's reading stands.
/// </param>
/// <param name="ClaimCoverage">
/// The share of the claim's content words the sentence has (<see cref="Wording.ClaimCoverage"/>): too few, and it cannot refute
/// the claim (<see cref="VerdictAggregator.RefuteMinCoverage"/>). Null when the wording was not read.
/// </param>
public sealed record ScoredEvidence(
    long Id,
    string Source,
    string ExternalId,
    string Text,
    double Similarity,
    double Entailment,
    double Neutral,
    double Contradiction,
    PairLabel Label,
    PairProbabilities? Uncalibrated = null,
    EvidenceRole? Role = null,
    bool Deciding = false,
    WordingMatch? Overruled = null,
    double? ClaimCoverage = null)
{
    /// <summary>The scores the verdict rule reads: the uncalibrated ones where both are kept.</summary>
    [JsonIgnore]
    public PairScores DecidingScores => (Uncalibrated is { } raw
        ? new PairScores(raw.Entailment, raw.Neutral, raw.Contradiction, Similarity)
        : new PairScores(Entailment, Neutral, Contradiction, Similarity)) with { CitesSource = SourceAttribution.Cites(Text), ClaimCoverage = ClaimCoverage };

    /// <summary>The same for a stored answer to <paramref name="claim"/>: what the verdict rule read of the claim's words too, where it read them.</summary>
    public PairScores DecidingScoresFor(string claim)
    {
        var answers = ClaimCoverage is null ? null : Quantity.Answers(claim, Text);
        return DecidingScores with
        {
            SilentOnFuture = ClaimCoverage is not null && Prediction.SilentOnFuture(claim, Text),
            SilentOnQuantity = answers == false,
            AnswersQuantity = answers == true,
            WordsAgree = ClaimCoverage is not null && WordAgreement.Of(claim, Text),
            NarrowsSuperlative = ClaimCoverage is not null && NarrowerSuperlative.Narrows(claim, Text),
        };
    }
}

/// <summary>P(entailment), P(neutral), P(contradiction) of one pair.</summary>
public sealed record PairProbabilities(double Entailment, double Neutral, double Contradiction);

/// <summary>Milliseconds per stage; <see cref="OverheadMs"/> is the rest of <see cref="TotalMs"/> (validation, serialisation, scheduling).</summary>
public sealed record StageTimings(double EmbedMs, double RetrieveMs, double NliMs, double AggregateMs, double DbMs, double TotalMs)
{
    public double OverheadMs => Math.Max(0, TotalMs - EmbedMs - RetrieveMs - NliMs - AggregateMs - DbMs);
}

public sealed record ModelIds(string Embedding, string Nli);

/// <summary>A page of past verifications, newest first.</summary>
public sealed record VerificationPage(IReadOnlyList<VerificationSummary> Items, int Page, int PageSize, long Total);

public sealed record VerificationSummary(Guid Id, string Claim, Verdict Verdict, double Confidence, DateTimeOffset CreatedAt);
