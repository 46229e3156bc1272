namespace TruthGraph.Api.Verification;

/// <summary>
/// NLI probabilities of one (evidence, claim) pair, after the head's log-prob offsets: P(entailment),
/// P(neutral), P(contradiction), summing to 1; the evidence's retrieval similarity to the claim (1 when the
/// evidence is known to be about the claim, as gold evidence is); and whether the evidence gives what it says as a
/// source's account ("Most reference works list …": <see cref="Wording.SourceAttribution"/>).
/// </summary>
public readonly record struct PairScores(
    double Entailment, double Neutral, double Contradiction, double Similarity = 1, bool CitesSource = false);

/// <summary>
/// An evidence supports the claim when P(entailment) ≥ <see cref="Support"/> and it is not below P(contradiction);
/// it refutes when P(contradiction) ≥ <see cref="Refute"/> and it is above P(entailment). The tie rule means one
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
public sealed record VerdictDecision(
    Verdict Verdict, double Confidence, IReadOnlyList<int> SupportingEvidence, IReadOnlyList<int> RefutingEvidence,
    IReadOnlyList<int> SetAsideEvidence, bool MarginWaived = false)
{
    /// <summary>The evidence the verdict rests on: the supporting, the refuting, or both sides for DISPUTED; none for NOT ENOUGH INFO.</summary>
    public IReadOnlyList<int> DecidingEvidence => [.. SupportingEvidence, .. RefutingEvidence];
}

/// <summary>
/// Turns per-evidence NLI scores into a claim verdict: SUPPORTED when some evidence supports and none refutes,
/// REFUTED when some refutes and none supports, DISPUTED when both, NOT ENOUGH INFO when neither. This is the rule
/// that reproduces every CLIMATE-FEVER claim label from its evidence labels. Pure and dependency-free on purpose,
/// so that the API can use the same code that the thresholds were tuned with.
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
    public static bool IsSupporting(PairScores s, VerdictThresholds t) =>
        s.Similarity >= t.MinSimilarity && s.Entailment >= t.Support && s.Entailment >= s.Contradiction;

    public static bool IsRefuting(PairScores s, VerdictThresholds t) =>
        s.Similarity >= t.RefuteFloor && s.Contradiction >= t.Refute && s.Contradiction > s.Entailment;

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
        if (thresholds.DisputeMargin is { } margin && supporting.Count > 0 && refuting.Count > 0)
        {
            var closestSupport = supporting.MaxBy(i => deciding[i].Similarity);
            var closestRefute = refuting.MaxBy(i => deciding[i].Similarity);
            var supportSimilarity = deciding[closestSupport].Similarity;
            var refuteSimilarity = deciding[closestRefute].Similarity;
            var closerCitesSource = deciding[supportSimilarity >= refuteSimilarity ? closestSupport : closestRefute].CitesSource;
            var farSide = refuteSimilarity < supportSimilarity - margin ? refuting
                : supportSimilarity < refuteSimilarity - margin ? supporting
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

        var bestSupport = supporting.Select(i => shown[i].Entailment).DefaultIfEmpty(0).Max();
        var bestRefute = refuting.Select(i => shown[i].Contradiction).DefaultIfEmpty(0).Max();
        var strongestSignal = shown.Select(s => Math.Max(s.Entailment, s.Contradiction)).DefaultIfEmpty(0).Max();
        return (supporting.Count > 0, refuting.Count > 0) switch
        {
            (true, false) => new VerdictDecision(Verdict.Supported, bestSupport, supporting, refuting, setAside),
            (false, true) => new VerdictDecision(Verdict.Refuted, bestRefute, supporting, refuting, setAside),
            (true, true) => new VerdictDecision(Verdict.Disputed, Math.Min(bestSupport, bestRefute), supporting, refuting, setAside, marginWaived),
            _ => new VerdictDecision(Verdict.NotEnoughInfo, 1 - strongestSignal, supporting, refuting, setAside),
        };
    }
}
