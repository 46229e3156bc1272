using TruthGraph.Api.Inference;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// How a <see cref="WordingMatch"/> changes the NLI model's reading of one sentence: a restatement that the model read as
/// a contradiction counts as an entailment, and a swapped name that it read as an entailment counts as a contradiction.
/// The two probabilities trade places rather than being replaced by a constant, so the confidence shown is the
/// model's own certainty about the pair, now pointing the way the words say.
/// </summary>
public static class WordingOverrule
{
    public static bool Overrules(WordingMatch match, NliScore score) => match switch
    {
        WordingMatch.None => false,
        WordingMatch.RestatesClaim or WordingMatch.MatchesSpan or WordingMatch.SharesNegation or WordingMatch.DeniesReplaced
            or WordingMatch.RestatesSuperlative or WordingMatch.RestatesComparison
            => score.Contradiction > score.Entailment,
        // A changed name or number, a negating prefix, an opposite word or a reversed comparison: every other kind says the claim is contradicted.
        _ => score.Entailment > score.Contradiction,
    };

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

    /// <summary>A sentence for the verdict's reason when a deciding sentence was overruled; empty otherwise.</summary>
    public static string Note(VerdictDecision decision, IReadOnlyList<bool> overruled, IReadOnlyList<WordingMatch> wording)
    {
        var deciding = decision.DecidingEvidence.Where(i => overruled[i]).ToList();
        if (deciding.Count == 0)
        {
            return "";
        }
        return wording[deciding[0]] switch
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
            WordingMatch.ReversesDirection => " The deciding sentence gives the claim's \"from … to …\" or \"… into …\" the other way round: " +
                "it counts as a contradiction, although the NLI model read it as support.",
            WordingMatch.SwapsUnit => " The deciding sentence gives the claim's number in another unit of the same kind: " +
                "it counts as a contradiction, although the NLI model read it as support.",
            WordingMatch.SwapsRoles => " The deciding sentence is the claim with two of its names exchanged: " +
                "it counts as a contradiction, although the NLI model read it as support.",
            WordingMatch.DeniesWord => " The deciding sentence says \"not\" of one of the claim's own words (\"dark red, not blue\"): " +
                "it counts as a contradiction, although the NLI model read it as support.",
            WordingMatch.ReversesComparison => " The deciding sentence makes the claim's comparison the other way round: " +
                "it counts as a contradiction, although the NLI model read it as support.",
            _ => "",
        };
    }
}
