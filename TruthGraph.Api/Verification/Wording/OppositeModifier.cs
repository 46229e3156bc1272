using TruthGraph.Wording;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// The claim and the sentence put opposite words before the same word: "DNA has a triple-helix structure." against "DNA
/// carries genetic information in a double helix …", "The shore of the Dead Sea is the highest land on Earth." against
/// "The shore of the Dead Sea, about 430 metres below sea level, is the lowest land on Earth." (the model read support at
/// 0.71 and 0.59). Where the sentence is no near-copy of the claim (<see cref="OneChange"/>), this finds the same
/// change: <see cref="WordingMatch.SwapsOpposite"/>. It asks that the sentence be about the claim's things (every name
/// and number of the claim, and all its other words but one) and that neither side compare or deny: "less carbon dioxide
/// than human activities" and "more carbon dioxide than volcanoes" say the same, and a "not" turns an opposite round.
/// </summary>
internal static class OppositeModifier
{
    /// <summary>Claim words, besides the opposite, that the sentence may lack ("structure" in "a triple-helix structure").</summary>
    public const int MaxMissingClaimWords = 1;

    /// <summary>Opposites that compare or order two things: <see cref="ReversedComparison"/> and <see cref="Direction"/> read those.</summary>
    private static readonly HashSet<string> Comparing = Words.KeysOf("more less fewer most least fewest before after first last");

    public static bool Swaps(List<ContentWord> claim, List<ContentWord> evidence)
    {
        if (claim.Concat(evidence).Any(w => w.IsNegation || w.Key == "than"))
        {
            return false;
        }
        var evidenceKeys = evidence.Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
        var swaps = 0;
        var swapped = -1;
        for (var i = 0; i + 1 < claim.Count; i++)
        {
            var (modifier, head) = (claim[i], claim[i + 1]);
            // A modifier stands right before its word: in "a drop in volcanic activity", "drop" modifies nothing.
            if (modifier.IsName || modifier.IsValue || head.IsValue || head.FunctionWordBefore is not null || Comparing.Contains(modifier.Key)
                || evidenceKeys.Contains(modifier.Key))
            {
                continue;
            }
            var meaning = Opposites.MeaningOf(modifier);
            for (var j = 0; j + 1 < evidence.Count; j++)
            {
                if (evidence[j + 1].Key == head.Key && evidence[j + 1].FunctionWordBefore is null && !evidence[j + 1].FollowsClauseMark
                    && Opposites.Oppose(meaning, Opposites.MeaningOf(evidence[j])))
                {
                    swaps++;
                    swapped = i;
                }
            }
        }
        if (swaps != 1)
        {
            return false;
        }
        var missing = claim.Where((w, i) => i != swapped && !evidenceKeys.Contains(w.Key)).ToList();
        return missing.Count <= MaxMissingClaimWords && !missing.Any(w => w.IsName || w.IsValue);
    }
}
