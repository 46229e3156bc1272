using TruthGraph.Api.Inference;

namespace TruthGraph.Api.Verification;

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
        WordingMatch.RestatesClaim => score.Contradiction > score.Entailment,
        WordingMatch.SwapsName => score.Entailment > score.Contradiction,
        _ => false,
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
        return wording[deciding[0]] == WordingMatch.RestatesClaim
            ? " The deciding sentence restates the claim word for word, with the same negation: it counts as support, " +
              "although the NLI model read it as a contradiction."
            : " The deciding sentence is the claim with another name in place of the claim's: it counts as a contradiction, " +
              "although the NLI model read it as support.";
    }
}
