namespace TruthGraph.Api.Verification;

/// <summary>
/// NLI probabilities of one (evidence, claim) pair, after the head's log-prob offsets: P(entailment),
/// P(neutral), P(contradiction), summing to 1; the evidence's retrieval similarity to the claim (1 when the
/// evidence is known to be about the claim, as gold evidence is); whether the evidence gives what it says as a
/// source's account ("Most reference works list …": <see cref="Wording.SourceAttribution"/>); the share of the claim's
/// content words the evidence has (<see cref="Wording.ClaimCoverage"/>), null where the words were not read; and whether
/// the claim says what will happen while the evidence speaks only of what is or was (<see cref="Wording.Prediction"/>); and
/// whether the claim gives a count or measure of which the evidence gives none, or one of whose kinds it gives
/// (<see cref="Wording.Quantity"/>); and whether the evidence's words show no conflict with the claim's
/// (<see cref="Wording.WordAgreement"/>); and whether the evidence gives the claim's superlative only for a narrower group
/// (<see cref="Wording.NarrowerSuperlative"/>).
/// </summary>
public readonly record struct PairScores(
    double Entailment, double Neutral, double Contradiction, double Similarity = 1, bool CitesSource = false, double? ClaimCoverage = null,
    bool SilentOnFuture = false, bool SilentOnQuantity = false, bool AnswersQuantity = false, bool WordsAgree = false,
    bool NarrowsSuperlative = false);

/// <summary>
/// An evidence supports the claim when P(entailment) ≥ <see cref="Support"/> and it is not below P(contradiction);
/// it refutes when P(contradiction) ≥ <see cref="Refute"/>, it is above P(entailment) and P(neutral) does not outweigh
/// it by more than <see cref="VerdictAggregator.NeutralMargin"/>. The tie rule means one
/// evidence never counts both ways. Evidence less similar to the claim than <see cref="MinSimilarity"/> counts
/// neither way: retrieval always returns k sentences, and an NLI model asked about an unrelated sentence still
/// answers something. <see cref="RefuteMinSimilarity"/> (when set, above the floor) is how close evidence must be to
/// refute: a contradicting sentence says the same thing with one fact changed and so embeds close to the claim, while
/// a sentence about a neighbouring fact ("Jupiter is the largest planet" beside "Saturn has more moons than Jupiter")
/// is what a cross-encoder most often misreads as a contradiction. <see cref="DisputeMargin"/> (when set) applies
/// the same idea between the two sides: when evidence both supports and refutes, a side whose best evidence is less
/// similar to the claim than the other side's best by more than the margin is dropped, so that "Water boils at 100 °C"
/// is not DISPUTED by a sentence about another liquid's boiling point; two sources that conflict about the claim itself
/// are both close to it and stay DISPUTED. The margin is waived when the closer side's closest sentence cites a source
/// ("Most reference works list the Nile … as the longest river"): such a sentence is one account among others, and a
/// conflicting account ("A 2007 Brazilian expedition measured the Amazon at about 6,800 kilometres, which would make it
/// longer than the Nile") need not be as close to the claim to count.
/// </summary>
public readonly record struct VerdictThresholds(
    double Support, double Refute, double MinSimilarity = 0, double? RefuteMinSimilarity = null, double? DisputeMargin = null)
{
    /// <summary>The similarity a refuting evidence needs: the floor, or the refute floor when that is higher.</summary>
    public double RefuteFloor => Math.Max(MinSimilarity, RefuteMinSimilarity ?? MinSimilarity);
}

/// <summary>The verdict, its confidence in [0, 1], and which evidence (by index) decided it.</summary>
/// <param name="SetAsideEvidence">
/// Evidence that met the support or refute threshold but was dropped by the dispute margin, because the other side's
/// evidence is much closer to the claim: it is in neither list above, and an explanation should say so.
/// </param>
/// <param name="MarginWaived">
/// The dispute margin would have set one side aside, but the closer side cites a source, so both sides count.
/// </param>
/// <param name="SetAsideForWords">
/// The set-aside side was dropped by <see cref="VerdictAggregator.DisputeCoverageMargin"/> (it shares far fewer of the
/// claim's words), not by the similarity margin.
/// </param>
public sealed record VerdictDecision(
    Verdict Verdict, double Confidence, IReadOnlyList<int> SupportingEvidence, IReadOnlyList<int> RefutingEvidence,
    IReadOnlyList<int> SetAsideEvidence, bool MarginWaived = false, bool SetAsideForWords = false)
{
    /// <summary>The evidence the verdict rests on: the supporting, the refuting, or both sides for DISPUTED; none for NOT ENOUGH INFO.</summary>
    public IReadOnlyList<int> DecidingEvidence => [.. SupportingEvidence, .. RefutingEvidence];
}

/// <summary>
/// Turns per-evidence NLI scores into a claim verdict: SUPPORTED when some evidence supports and none refutes,
/// REFUTED when some refutes and none supports, DISPUTED when both, NOT ENOUGH INFO when neither. This is the rule
/// that reproduces every CLIMATE-FEVER claim label from its evidence labels. Pure and dependency-free on purpose,
/// so that the API can use the same code that the thresholds were tuned with.
/// <para>
/// Where the claim's words were read (<see cref="PairScores.ClaimCoverage"/>), two rules about them apply on top of the
/// model's thresholds, the same for every model: evidence that shares less than <see cref="RefuteMinCoverage"/> of the
/// claim's content words does not refute it, and <see cref="DisputeCoverageMargin"/> settles a dispute that the
/// similarity margin leaves standing. Both rest on what a contradiction is: the same statement with one fact changed.
/// On the held-out tuning claims they turn 5 verdicts right and 1 wrong (macro-F1 0.624 → 0.661; models/README.md).
/// </para>
/// </summary>
/// <remarks>
/// Confidence is the probability behind the decision:
/// SUPPORTED = the highest P(entailment) among supporting evidence; REFUTED = the highest P(contradiction) among
/// refuting evidence; DISPUTED = the weaker of those two (both sides are needed for the verdict);
/// NOT ENOUGH INFO = 1 − the highest P(entailment) or P(contradiction) of any evidence (how far the strongest
/// signal was from counting), and 1 when there is no evidence at all. That last 1 is not a probability: nothing was
/// retrieved, and <see cref="VerificationResult.Evidence"/> is then empty, which is how a client tells "no evidence
/// retrieved" apart from a measured NOT ENOUGH INFO.
/// <para>
/// Which evidence counts is always decided on the probabilities the thresholds were tuned on (the model's offset-adjusted
/// ones). A calibrated model's confidence is taken from its calibrated probabilities instead
/// (<see cref="Decide(IReadOnlyList{PairScores}, VerdictThresholds, IReadOnlyList{PairScores})"/>): the same evidence,
/// the same verdict, only the number shown changes.
/// </para>
/// </remarks>
public static class VerdictAggregator
{
    /// <summary>
    /// The share of the claim's content words evidence must have to refute it. A sentence about something else the
    /// claim's subject did ("Koalas feed almost entirely on the leaves of eucalyptus trees." for "Koalas sleep for up to
    /// twenty hours a day.") is often read as a contradiction; one that contradicts the claim repeats most of it.
    /// Support has no such floor: a paraphrase may share few words.
    /// </summary>
    public const double RefuteMinCoverage = 0.2;

    /// <summary>
    /// In a dispute that the similarity margin leaves standing, a side whose closest sentence shares at least this much
    /// less of the claim's words than the other side's closest is set aside: "Although it is the largest living bird,
    /// the ostrich cannot fly." (3 of 7 words, contradiction 0.72) against "The ostrich lays the largest eggs of any
    /// living bird." (5 of 7, entailment 0.92) for "No living bird lays bigger eggs than the ostrich." Two sentences
    /// either of which cites a source (<see cref="PairScores.CitesSource"/>) are two accounts, and stay a dispute.
    /// </summary>
    public const double DisputeCoverageMargin = 0.1;

    /// <summary>
    /// How far P(neutral) may exceed P(contradiction) for the evidence still to refute. A sentence about another fact of
    /// the claim's subject is read as mostly neutral with some contradiction: "Ludwig van Beethoven kept composing music after
    /// he had become almost completely deaf." for "Beethoven was born in Bonn." (neutral 0.68, contradiction 0.31). A
    /// sentence that contradicts the claim is rarely read that way, and where its words show the conflict (another name,
    /// number or opposite) the wording checks have already moved the neutral probability to contradiction
    /// (<see cref="Wording.WordingOverrule"/>). Chosen on the held-out tuning claims (macro-F1 0.661 → 0.663; models/README.md).
    /// </summary>
    public const double NeutralMargin = 0.2;

    /// <summary>
    /// How far contradiction may lead entailment on a sentence whose words agree with the claim's for the model to count as
    /// torn (<see cref="IsTorn"/>).
    /// </summary>
    public const double TornMargin = 0.1;

    /// <summary>How similar to the claim a sentence must be for a torn reading of it to count as support.</summary>
    public const double TornMinSimilarity = 0.75;

    /// <summary>
    /// The evidence supports when P(entailment) reaches the threshold and is not below P(contradiction), or when the model is
    /// torn (<see cref="IsTorn"/>); never when it gives the claim's superlative only for a narrower group
    /// (<see cref="PairScores.NarrowsSuperlative"/>: "the largest internal organ" for "the largest organ").
    /// </summary>
    public static bool IsSupporting(PairScores s, VerdictThresholds t) =>
        s.Similarity >= t.MinSimilarity && s.Entailment >= t.Support && (s.Entailment >= s.Contradiction || IsTorn(s)) && !s.NarrowsSuperlative;

    /// <summary>
    /// The model reads a close sentence (<see cref="TornMinSimilarity"/>) as a contradiction by less than
    /// <see cref="TornMargin"/> over entailment, and the sentence's words show no conflict with the claim
    /// (<see cref="PairScores.WordsAgree"/>): a true rewording the model cannot place ("Traffic first crossed the Golden
    /// Gate Bridge in 1937." against "The Golden Gate Bridge … opened to traffic in 1937.": entailment 0.43, contradiction
    /// 0.51). It counts as support. A contradiction shows in words (another name, number, date, "not", an opposite), which
    /// the wording checks read; without one, and with the model undecided, the words decide. On the held-out tuning claims
    /// it changes no verdict (models/README.md, "A torn reading").
    /// </summary>
    public static bool IsTorn(PairScores s) =>
        s.WordsAgree && s.Similarity >= TornMinSimilarity && s.Contradiction > s.Entailment && s.Contradiction - s.Entailment < TornMargin;

    /// <remarks>
    /// Evidence that speaks only of what is or was does not refute a claim about what will happen (<see cref="PairScores.SilentOnFuture"/>),
    /// nor evidence without a count or measure of its kind a claim that gives one (<see cref="PairScores.SilentOnQuantity"/>).
    /// </remarks>
    public static bool IsRefuting(PairScores s, VerdictThresholds t) =>
        s.Similarity >= t.RefuteFloor && s.Contradiction >= t.Refute && s.Contradiction > s.Entailment && !SharesTooFewWords(s)
        && !OutweighedByNeutral(s) && !s.SilentOnFuture && !s.SilentOnQuantity;

    /// <summary>
    /// The model reads the evidence as neutral by more than <see cref="NeutralMargin"/> over contradiction, and the evidence
    /// gives no count or measure of the claim's kind: "A count that Indonesia submitted to the United Nations in 2017 listed
    /// 16,056 named islands." conflicts with "Indonesia is made up of 17,508 islands." at contradiction 0.35, neutral 0.62.
    /// </summary>
    public static bool OutweighedByNeutral(PairScores s) => s.Neutral > s.Contradiction + NeutralMargin && !s.AnswersQuantity;

    /// <summary>The evidence would refute on its scores, but shares too few of the claim's words (<see cref="RefuteMinCoverage"/>).</summary>
    public static bool SharesTooFewWords(PairScores s) => s.ClaimCoverage < RefuteMinCoverage;

    public static VerdictDecision Decide(IReadOnlyList<PairScores> evidence, VerdictThresholds thresholds) =>
        Decide(evidence, thresholds, evidence);

    /// <summary>
    /// The verdict decided on <paramref name="deciding"/> (the probabilities the thresholds were tuned on), with its
    /// confidence read from <paramref name="shown"/> (the same evidence's calibrated probabilities, in the same order).
    /// </summary>
    public static VerdictDecision Decide(IReadOnlyList<PairScores> deciding, VerdictThresholds thresholds, IReadOnlyList<PairScores> shown)
    {
        ArgumentNullException.ThrowIfNull(deciding);
        ArgumentNullException.ThrowIfNull(shown);
        if (shown.Count != deciding.Count)
        {
            throw new ArgumentException($"{shown.Count} shown scores for {deciding.Count} evidence.", nameof(shown));
        }
        var supporting = new List<int>();
        var refuting = new List<int>();
        for (var i = 0; i < deciding.Count; i++)
        {
            if (IsSupporting(deciding[i], thresholds))
            {
                supporting.Add(i);
            }
            else if (IsRefuting(deciding[i], thresholds))
            {
                refuting.Add(i);
            }
        }

        var setAside = new List<int>();
        var marginWaived = false;
        var setAsideForWords = false;
        if (supporting.Count > 0 && refuting.Count > 0)
        {
            var closestSupport = deciding[supporting.MaxBy(i => deciding[i].Similarity)];
            var closestRefute = deciding[refuting.MaxBy(i => deciding[i].Similarity)];
            if (thresholds.DisputeMargin is { } margin)
            {
                var closerCitesSource = (closestSupport.Similarity >= closestRefute.Similarity ? closestSupport : closestRefute).CitesSource;
                var farSide = closestRefute.Similarity < closestSupport.Similarity - margin ? refuting
                    : closestSupport.Similarity < closestRefute.Similarity - margin ? supporting
                    : null;
                if (farSide is not null)
                {
                    marginWaived = closerCitesSource;
                    if (!marginWaived)
                    {
                        setAside.AddRange(farSide);
                        farSide.Clear();
                    }
                }
            }
            if (supporting.Count > 0 && refuting.Count > 0 && FewerWords(closestSupport, closestRefute, supporting, refuting) is { } fewer)
            {
                setAside.AddRange(fewer);
                fewer.Clear();
                setAsideForWords = true;
            }
        }

        var bestSupport = supporting.Select(i => shown[i].Entailment).DefaultIfEmpty(0).Max();
        var bestRefute = refuting.Select(i => shown[i].Contradiction).DefaultIfEmpty(0).Max();
        var strongestSignal = shown.Select(s => Math.Max(s.Entailment, s.Contradiction)).DefaultIfEmpty(0).Max();
        return (supporting.Count > 0, refuting.Count > 0) switch
        {
            (true, false) => new VerdictDecision(Verdict.Supported, bestSupport, supporting, refuting, setAside),
            (false, true) => new VerdictDecision(Verdict.Refuted, bestRefute, supporting, refuting, setAside),
            (true, true) => new VerdictDecision(Verdict.Disputed, Math.Min(bestSupport, bestRefute), supporting, refuting, setAside, marginWaived),
            _ => new VerdictDecision(Verdict.NotEnoughInfo, 1 - strongestSignal, supporting, refuting, setAside),
        } with { SetAsideForWords = setAsideForWords };
    }

    /// <summary>The side whose closest sentence shares <see cref="DisputeCoverageMargin"/> less of the claim's words, if either.</summary>
    private static List<int>? FewerWords(PairScores closestSupport, PairScores closestRefute, List<int> supporting, List<int> refuting)
    {
        if (closestSupport.CitesSource || closestRefute.CitesSource
            || closestSupport.ClaimCoverage is not { } supportCoverage || closestRefute.ClaimCoverage is not { } refuteCoverage)
        {
            return null;
        }
        // The tolerance keeps one word in ten (0.5 against 0.4) on the side of "less", whatever the rounding of the shares.
        const double tolerance = 1e-9;
        return refuteCoverage <= supportCoverage - DisputeCoverageMargin + tolerance ? refuting
            : supportCoverage <= refuteCoverage - DisputeCoverageMargin + tolerance ? supporting
            : null;
    }
}
