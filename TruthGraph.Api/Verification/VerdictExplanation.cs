using System.Globalization;
using System.Text.Json.Serialization;

namespace TruthGraph.Api.Verification;

/// <summary>What one retrieved sentence did for the verdict.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EvidenceRole>))]
public enum EvidenceRole
{
    /// <summary>Met the support threshold (it may still be set aside by the dispute margin: see <see cref="ScoredEvidence.Deciding"/>).</summary>
    [JsonStringEnumMemberName("supports")] Supports,
    [JsonStringEnumMemberName("refutes")] Refutes,
    /// <summary>Relevant enough to be read, but it neither supports nor refutes the claim.</summary>
    [JsonStringEnumMemberName("neutral")] Neutral,
    /// <summary>Less similar to the claim than the NLI model's relevance floor: counted neither way, whatever its scores.</summary>
    [JsonStringEnumMemberName("below-floor")] BelowFloor,
}

/// <summary>Why a verdict came out as it did, in words and by evidence.</summary>
/// <param name="Reason">One or two sentences a person can read, e.g. "Refuted by 1 sentence (p = 0.91); no sentence supports it."</param>
/// <param name="DecidingEvidenceIds">The evidence the verdict rests on (ids of <see cref="VerificationResult.Evidence"/>); empty for NOT ENOUGH INFO.</param>
/// <param name="RelevanceFloor">The similarity below which evidence counted neither way.</param>
public sealed record VerdictExplanation(string Reason, IReadOnlyList<long> DecidingEvidenceIds, double RelevanceFloor);

/// <summary>
/// Turns a <see cref="VerdictDecision"/> into roles and a reason. It reads the same decision the verdict came from, so
/// the explanation cannot disagree with the verdict.
/// </summary>
public static class VerdictExplainer
{
    public static EvidenceRole RoleOf(int index, PairScores scores, VerdictDecision decision, VerdictThresholds thresholds)
    {
        if (scores.Similarity < thresholds.MinSimilarity)
        {
            return EvidenceRole.BelowFloor;
        }
        if (decision.SupportingEvidence.Contains(index))
        {
            return EvidenceRole.Supports;
        }
        if (decision.RefutingEvidence.Contains(index))
        {
            return EvidenceRole.Refutes;
        }
        if (decision.SetAsideEvidence.Contains(index))
        {
            return VerdictAggregator.IsSupporting(scores, thresholds) ? EvidenceRole.Supports : EvidenceRole.Refutes;
        }
        return EvidenceRole.Neutral;
    }

    /// <param name="shown">The probabilities the answer shows for each evidence (the reason quotes them, so they must agree).</param>
    /// <param name="deciding">
    /// The probabilities the verdict was decided on, where they differ from <paramref name="shown"/> (a calibrated model):
    /// whether neutral outweighed a contradiction is said of these, since calibration flattens both.
    /// </param>
    public static string Reason(VerdictDecision decision, IReadOnlyList<PairScores> shown, VerdictThresholds thresholds,
        IReadOnlyList<PairScores>? deciding = null)
    {
        var floor = Number(thresholds.MinSimilarity);
        var supporting = decision.SupportingEvidence;
        var refuting = decision.RefutingEvidence;
        var reason = decision.Verdict switch
        {
            Verdict.Supported =>
                $"Supported by {Sentences(supporting.Count)} ({Strongest(supporting, shown, s => s.Entailment)}); no sentence above the relevance floor refutes it.",
            Verdict.Refuted =>
                $"Refuted by {Sentences(refuting.Count)} ({Strongest(refuting, shown, s => s.Contradiction)}); no sentence above the relevance floor supports it.",
            Verdict.Disputed =>
                $"Disputed: {Sentences(supporting.Count)} {Verb(supporting.Count, "supports", "support")} it ({Strongest(supporting, shown, s => s.Entailment)}) " +
                $"and {Sentences(refuting.Count)} {Verb(refuting.Count, "refutes", "refute")} it ({Strongest(refuting, shown, s => s.Contradiction)}).",
            _ => NotEnoughInfo(shown, deciding ?? shown, thresholds, floor),
        };
        var decidingScores = deciding ?? shown;
        if (supporting.FirstOrDefault(i => VerdictAggregator.IsTorn(decidingScores[i]), -1) is var torn and >= 0)
        {
            reason += $" The model was torn on {(supporting.Count == 1 ? "it" : "one of them")} (contradiction p = {Number(shown[torn].Contradiction)}, " +
                $"entailment p = {Number(shown[torn].Entailment)}), and its words show no conflict with the claim's (the same names, numbers " +
                "and negation): it counts as support.";
        }
        // A refutation the user might doubt, with a sentence beside it that reads as support: say why it does not count.
        if (decision.Verdict == Verdict.Refuted && Enumerable.Range(0, decidingScores.Count).Any(i => decidingScores[i] is { NarrowsSuperlative: true } narrowed
                && narrowed.Similarity >= thresholds.MinSimilarity && narrowed.Entailment >= thresholds.Support))
        {
            reason += " A sentence that gives the claim's superlative only for a narrower group does not support it.";
        }
        if (decision.MarginWaived)
        {
            reason += " The closest sentence gives a source's account, so the other side counts though it is less similar to the claim.";
        }
        if (decision.SetAsideEvidence.Count > 0)
        {
            var side = decision.Verdict == Verdict.Supported ? "refuting" : "supporting";
            var count = decision.SetAsideEvidence.Count;
            var why = decision.SetAsideForWords
                ? $"{Verb(count, "it shares", "they share")} far fewer of the claim's words"
                : "much less similar to the claim";
            reason += $" {count} {side} {Verb(count, "sentence was", "sentences were")} set aside: " +
                $"{why} than the {(side == "refuting" ? "supporting" : "refuting")} evidence.";
        }
        return reason;
    }

    private static string NotEnoughInfo(IReadOnlyList<PairScores> shown, IReadOnlyList<PairScores> deciding, VerdictThresholds thresholds, string floor)
    {
        if (shown.Count == 0)
        {
            return $"No evidence retrieved: no sentence in the corpus reaches the relevance floor (similarity {floor}).";
        }
        var relevant = shown.Where(s => s.Similarity >= thresholds.MinSimilarity).ToList();
        if (relevant.Count == 0)
        {
            return $"Not enough info: all {Sentences(shown.Count)} retrieved {Verb(shown.Count, "is", "are")} below the relevance floor (similarity {floor}).";
        }
        var strongestAt = Enumerable.Range(0, shown.Count).Where(i => shown[i].Similarity >= thresholds.MinSimilarity)
            .MaxBy(i => Math.Max(shown[i].Entailment, shown[i].Contradiction));
        var strongest = shown[strongestAt];
        var signal = strongest.Entailment >= strongest.Contradiction
            ? $"entailment p = {Number(strongest.Entailment)}"
            : $"contradiction p = {Number(strongest.Contradiction)}";
        var reason = relevant.Count == 1
            ? $"Not enough info: the one sentence above the relevance floor neither supports nor refutes the claim (strongest: {signal})."
            : $"Not enough info: none of the {relevant.Count} sentences above the relevance floor supports or refutes the claim (strongest: {signal}).";
        if (strongest.Entailment >= strongest.Contradiction && strongest.NarrowsSuperlative)
        {
            reason += " That sentence gives the claim's superlative only for a narrower group than the claim names, so it cannot support it.";
        }
        else if (strongest.Contradiction > strongest.Entailment && VerdictAggregator.SharesTooFewWords(strongest))
        {
            reason += " That sentence shares too few of the claim's words to refute it.";
        }
        else if (strongest.Contradiction > strongest.Entailment && strongest.SilentOnFuture)
        {
            reason += " The claim says what will happen, and that sentence only what is or was: it cannot refute it.";
        }
        else if (strongest.Contradiction > strongest.Entailment && strongest.SilentOnQuantity)
        {
            reason += " The claim gives a number, and that sentence none of its kind: it cannot refute it.";
        }
        // Said last: the reasons above name what in the words keeps the sentence from refuting, where this one only says how
        // the model read it.
        else if (strongest.Contradiction > strongest.Entailment && VerdictAggregator.OutweighedByNeutral(deciding[strongestAt]))
        {
            reason += " The model reads that sentence as mostly neutral, so its contradiction is too weak to refute the claim.";
        }
        var below = shown.Count - relevant.Count;
        return below > 0 ? $"{reason} {Capitalised(Sentences(below))} more {Verb(below, "was", "were")} below the floor." : reason;
    }

    private static string Strongest(IReadOnlyList<int> indices, IReadOnlyList<PairScores> shown, Func<PairScores, double> probability) =>
        indices.Count == 1
            ? $"p = {Number(probability(shown[indices[0]]))}"
            : $"strongest p = {Number(indices.Max(i => probability(shown[i])))}";

    private static string Sentences(int count) => count == 1 ? "1 sentence" : $"{count} sentences";

    private static string Verb(int count, string singular, string plural) => count == 1 ? singular : plural;

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Number(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
