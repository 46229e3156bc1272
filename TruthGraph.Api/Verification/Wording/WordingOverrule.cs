using TruthGraph.Api.Inference;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// How a <see cref="WordingMatch"/> changes the NLI model's reading of one sentence: a restatement that the model read as
/// a contradiction counts as an entailment, and a swapped name that it read as an entailment counts as a contradiction.
/// The two probabilities trade places rather than being replaced by a constant, so the confidence shown is the
/// model's own certainty about the pair, now pointing the way the words say. Where the model read the pair as neutral
/// ("A cricket team has nine players on the field." against "… eleven players …": neutral 0.54, contradiction 0.29), the
/// neutral probability trades places with the one the words point to: a near-copy of the claim is no unrelated sentence.
/// </summary>
public static class WordingOverrule
{
    public static bool Overrules(WordingMatch match, NliScore score) =>
        match != WordingMatch.None && (ReadsNeutral(score) || (Supports(match) ? score.Contradiction > score.Entailment : score.Entailment > score.Contradiction));

    /// <summary>Whether the reading says the sentence supports the claim; every other kind (a changed name or number, a negating prefix, an opposite word, a reversed comparison …) says it contradicts it.</summary>
    public static bool Supports(WordingMatch match) =>
        match is WordingMatch.RestatesClaim or WordingMatch.MatchesSpan or WordingMatch.SharesNegation or WordingMatch.DeniesReplaced
            or WordingMatch.RestatesSuperlative or WordingMatch.RestatesComparison or WordingMatch.MatchesAmount;

    /// <summary>The model's largest probability is neutral.</summary>
    public static bool ReadsNeutral(NliScore score) => score.Neutral > score.Entailment && score.Neutral > score.Contradiction;

    /// <summary>The score as the words read it: the model's reading reversed, or its neutral probability moved to the words' side.</summary>
    public static NliScore Applied(WordingMatch match, NliScore score)
    {
        if (!ReadsNeutral(score))
        {
            return Reversed(score);
        }
        return Supports(match)
            ? score with { Entailment = score.Neutral, Neutral = score.Entailment, Label = "entailment" }
            : score with { Contradiction = score.Neutral, Neutral = score.Contradiction, Label = "contradiction" };
    }

    /// <summary>The score with entailment and contradiction swapped, and its label with them.</summary>
    public static NliScore Reversed(NliScore score) => score with
    {
        Entailment = score.Contradiction,
        Contradiction = score.Entailment,
        Label = score.Label switch
        {
            "entailment" => "contradiction",
            "contradiction" => "entailment",
            var other => other,
        },
    };

    /// <summary>
    /// A sentence for the verdict's reason when a deciding sentence was overruled; empty otherwise. With the model's own
    /// scores (<paramref name="modelScores"/>), a sentence it read as neutral is said to be so.
    /// </summary>
    public static string Note(VerdictDecision decision, IReadOnlyList<bool> overruled, IReadOnlyList<WordingMatch> wording,
        IReadOnlyList<NliScore>? modelScores = null)
    {
        var deciding = decision.DecidingEvidence.Where(i => overruled[i]).ToList();
        if (deciding.Count == 0)
        {
            return "";
        }
        var note = NoteFor(wording[deciding[0]]);
        return modelScores is not null && ReadsNeutral(modelScores[deciding[0]])
            ? note.Replace("read it as support.", "read it as neutral.", StringComparison.Ordinal)
                .Replace("read it as a contradiction.", "read it as neutral.", StringComparison.Ordinal)
            : note;
    }

    private static string NoteFor(WordingMatch match) =>
        match switch
        {
            WordingMatch.RestatesClaim => " The deciding sentence restates the claim word for word, with the same negation: " +
                "it counts as support, although the NLI model read it as a contradiction.",
            WordingMatch.SwapsName => " The deciding sentence is the claim with another name in place of the claim's: " +
                "it counts as a contradiction, although the NLI model read it as support.",
            WordingMatch.SwapsNumber => " The deciding sentence is the claim with another number or date in place of the claim's: " +
                "it counts as a contradiction, although the NLI model read it as support.",
            WordingMatch.NegatesWord => " The deciding sentence is the claim with one word negated (\"irrational\" for \"rational\"): " +
                "it counts as a contradiction, although the NLI model read it as support.",
            WordingMatch.SwapsOpposite => " The deciding sentence is the claim with one word replaced by its opposite (\"declined\" for \"grown\"): " +
                "it counts as a contradiction, although the NLI model read it as support.",
            WordingMatch.CreditsAnotherName => " The deciding sentence credits what the claim says (who wrote, invented, founded or directed it) " +
                "to another name: it counts as a contradiction, although the NLI model read it as support.",
            WordingMatch.MatchesSpan => " The deciding sentence gives a span of years whose first or last is the claim's year: " +
                "it counts as support, although the NLI model read it as a contradiction.",
            WordingMatch.MissesSpan => " The deciding sentence gives a span of years whose first or last is not the claim's year: " +
                "it counts as a contradiction, although the NLI model read it as support.",
            WordingMatch.SharesNegation => " The deciding sentence denies what the claim denies, of the same subject (\"not a bear\"): " +
                "it counts as support, although the NLI model read it as a contradiction.",
            WordingMatch.DeniesReplaced => " The claim denies a word that the deciding sentence replaces with another (\"not rational\" against \"irrational\"): " +
                "it counts as support, although the NLI model read it as a contradiction.",
            WordingMatch.RestatesSuperlative => " The deciding sentence says with a superlative what the claim says with \"no … than\" " +
                "(\"the closest\" for \"no planet is closer\"): it counts as support, although the NLI model read it as a contradiction.",
            WordingMatch.RestatesComparison => " The deciding sentence makes the claim's comparison the other way round with the opposite " +
                "comparative (\"more\" for \"less\"), which says the same: it counts as support, although the NLI model read it as a contradiction.",
            WordingMatch.ReversesDirection => " The deciding sentence gives the claim's \"from … to …\", \"… into …\" or \"… before …\" the other way round: " +
                "it counts as a contradiction, although the NLI model read it as support.",
            WordingMatch.SwapsUnit => " The deciding sentence gives the claim's number in another unit of the same kind: " +
                "it counts as a contradiction, although the NLI model read it as support.",
            WordingMatch.SwapsRoles => " The deciding sentence is the claim with two of its names exchanged: " +
                "it counts as a contradiction, although the NLI model read it as support.",
            WordingMatch.MatchesAmount => " The deciding sentence gives the claim's measured amount, in the same or another unit, " +
                "and changes nothing else of it: it counts as support, although the NLI model read it as a contradiction.",
            WordingMatch.DeniesWord => " The deciding sentence says \"not\" of one of the claim's own words (\"dark red, not blue\"): " +
                "it counts as a contradiction, although the NLI model read it as support.",
            WordingMatch.ReversesComparison => " The deciding sentence makes the claim's comparison the other way round: " +
                "it counts as a contradiction, although the NLI model read it as support.",
            _ => "",
        };
}
