namespace TruthGraph.Api.Verification.Wording;

/// <summary>The claim's content words, in order, inside the sentence, with the same negation: <see cref="WordingMatch.RestatesClaim"/>.</summary>
internal static class Restatement
{
    /// <summary>Other words the evidence may have among the claim's words and still restate it ("or", "natural").</summary>
    public const int MaxWordsBetween = 1;

    public static bool Restates(List<ContentWord> claim, List<ContentWord> evidence)
    {
        // One "not" on one side only is exactly what the model reads well; this check is for the same polarity on both.
        if (claim.Any(w => w.IsNegation) != evidence.Any(w => w.IsNegation))
        {
            return false;
        }
        for (var start = 0; start < evidence.Count; start++)
        {
            if (evidence[start].Key == claim[0].Key && RestatesFrom(claim, evidence, start))
            {
                return true;
            }
        }
        return false;
    }

    private static bool RestatesFrom(List<ContentWord> claim, List<ContentWord> evidence, int start)
    {
        var at = start + 1;
        var between = 0;
        for (var i = 1; i < claim.Count; i++)
        {
            // The word a "not" negates must follow it at once: "Penguins cannot fly but swim" does not say "penguins cannot swim".
            var mustBeNext = claim[i - 1].IsNegation;
            while (at < evidence.Count && evidence[at].Key != claim[i].Key && !mustBeNext)
            {
                at++;
                between++;
            }
            if (at == evidence.Count || evidence[at].Key != claim[i].Key || between > MaxWordsBetween)
            {
                return false;
            }
            at++;
        }
        return true;
    }
}
