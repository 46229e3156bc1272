namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// Whether a sentence's words show no conflict with the claim: every name and number of the claim is in it, both or
/// neither say "not", and no wording check reads a change (one that reads a restatement is agreement). What a
/// contradiction changes (another name, number or date, a negation, an opposite, roles exchanged) is almost always
/// visible in words like these, so where the model is torn between entailment and contradiction on such a sentence
/// (<see cref="VerdictAggregator.IsTorn"/>), it is a rewording it cannot place: "Helium balloons rise because helium is
/// lighter than air." against "… less dense than air." (entailment 0.48, contradiction 0.49).
/// </summary>
internal static class WordAgreement
{
    public static bool Of(ClaimWording claim, SentenceWording sentence, WordingMatch match)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(sentence);
        if (match != WordingMatch.None && !WordingOverrule.Supports(match))
        {
            return false;
        }
        var keys = sentence.Words.Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
        return claim.Words.Where(w => w.IsName || w.IsValue).All(w => keys.Contains(w.Key))
            && claim.Words.Any(w => w.IsNegation) == sentence.Words.Any(w => w.IsNegation);
    }

    /// <summary>The same for a claim and a sentence read afresh (a stored answer), with the claim as the model read it.</summary>
    public static bool Of(string claim, string sentence)
    {
        var claimWording = ClaimWording.Of(ModelInput.For(sentence, claim).Hypothesis);
        var sentenceWording = SentenceWording.Of(sentence);
        return Of(claimWording, sentenceWording, WordingCheck.Compare(claimWording, sentenceWording));
    }
}
