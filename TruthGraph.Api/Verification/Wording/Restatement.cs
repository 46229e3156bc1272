using TruthGraph.Wording;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>The claim's content words, in order, inside the sentence, with the same negation: <see cref="WordingMatch.RestatesClaim"/>.</summary>
internal static class Restatement
{
    /// <summary>Other words the evidence may have among the claim's words and still restate it ("through", "marsupial").</summary>
    public const int MaxWordsBetween = 1;

    /// <summary>A claim of fewer content words than this must appear without any word in between: "Saturn is a moon." is not in "Titan, Saturn's largest moon".</summary>
    public const int ShortestClaimWithWordsBetween = 3;

    /// <summary>
    /// Words that change what the claim's words say when they stand among them: "Libya is the fourth largest country",
    /// "a former actor", "only partly". Numbers, dates and names never stand between either.
    /// </summary>
    private static readonly HashSet<string> Qualifiers = Words.KeysOf(
        "first second third fourth fifth sixth seventh eighth ninth tenth last only former ex almost nearly partly " +
        "partially half most least more less largest smallest biggest highest lowest longest shortest oldest youngest " +
        "earliest latest");

    /// <summary>Prepositions that open a place or a time the sentence adds: "in Rome", "on 15 March", "at Runnymede".</summary>
    private static readonly HashSet<string> DetailOpeners = new(["in", "on", "at"], StringComparer.Ordinal);

    public static bool Restates(List<ContentWord> claim, List<ContentWord> evidence)
    {
        // A figure the claim hedges ("roughly 4.5 billion") may be the sentence's rounded ("about 4.54 billion"), and the
        // hedge itself may be missing there; an unhedged one must be the sentence's: "206 bones" is not "210 bones".
        var hedged = claim.Select((w, i) => w.Kind == WordKind.Number
            && ((w.FunctionWordBefore is { } before && ChangedValue.Hedges.Contains(before)) || (i > 0 && ChangedValue.Hedges.Contains(claim[i - 1].Key)))).ToList();
        var maxBetween = claim.Count(w => !w.IsNegation) >= ShortestClaimWithWordsBetween ? MaxWordsBetween : 0;
        for (var start = 0; start < evidence.Count; start++)
        {
            // The claim must open a clause of the sentence: in "The main race track in Qatar is located in Shahaniya"
            // the words "Qatar is located in Shahaniya" follow one another, but the race track is what is located there.
            if (evidence[start].Key == claim[0].Key && evidence[start].OpensClause
                && RestatesFrom(claim, hedged, evidence, start, maxBetween) is var end and >= 0 && SamePolarity(claim, evidence, end))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// One "not" on one side only is exactly what the model reads well; this check is for the same polarity on both. A
    /// contrast that denies something the claim does not say ("Peanuts are legumes, not true nuts.") is no negation of it,
    /// and neither, for a claim without a "not", is one in a later clause ("Bananas are botanically berries, while
    /// strawberries are not.").
    /// </summary>
    private static bool SamePolarity(List<ContentWord> claim, List<ContentWord> evidence, int end)
    {
        var claimNegates = claim.Any(w => w.IsNegation);
        var claimKeys = claim.Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
        var evidenceNegates = evidence.Where((w, i) => w.IsNegation && !IsContrastOutsideClaim(evidence, i, claimKeys)
            && (claimNegates || !InLaterClause(evidence, end, i))).Any();
        return claimNegates == evidenceNegates;
    }

    private static bool InLaterClause(List<ContentWord> evidence, int end, int at) =>
        at > end && evidence[(end + 1)..(at + 1)].Any(w => w.FollowsClauseMark);

    /// <summary>The index of the sentence word that ends the restatement starting at <paramref name="start"/>, or -1.</summary>
    private static int RestatesFrom(List<ContentWord> claim, List<bool> hedged, List<ContentWord> evidence, int start, int maxBetween)
    {
        var at = start + 1;
        var between = 0;
        for (var i = 1; i < claim.Count; i++)
        {
            // A hedge of the claim's figure ("roughly") may be missing from the sentence.
            if (i + 1 < claim.Count && hedged[i + 1] && ChangedValue.Hedges.Contains(claim[i].Key) && (at == evidence.Count || evidence[at].Key != claim[i].Key))
            {
                continue;
            }
            // The word a "not" negates must follow it at once: "Penguins cannot fly but swim" does not say "penguins cannot swim".
            var mustBeNext = claim[i - 1].IsNegation;
            var inDetail = false;
            while (at < evidence.Count && !Same(claim[i], hedged[i], evidence[at]) && !mustBeNext)
            {
                // Where or when, added before the claim's next word: "assassinated in Rome on 15 March 44 BC" restates
                // "assassinated in 44 BC". Only names and dates, each run after "in", "on" or "at", and not counted as between.
                inDetail = (evidence[at].IsName || evidence[at].IsValue)
                    && (inDetail || (evidence[at].FunctionWordBefore is { } before && DetailOpeners.Contains(before)));
                if (inDetail)
                {
                    at++;
                    continue;
                }
                if (!MayStandBetween(evidence[at]))
                {
                    return -1;
                }
                at++;
                between++;
            }
            if (at == evidence.Count || !Same(claim[i], hedged[i], evidence[at]) || between > maxBetween)
            {
                return -1;
            }
            // An added place or time ends before a word of its own phrase ("on 15 March 44 BC"), or before a function
            // word; a name run straight into the claim's is a narrower place: "in Western Japan" is not "in Japan".
            if (inDetail && evidence[at].FunctionWordBefore is null && !(evidence[at - 1].IsValue && evidence[at].IsValue))
            {
                return -1;
            }
            at++;
        }
        return at - 1;
    }

    /// <summary>The same word, or, for a figure the claim hedges, the same figure rounded: "4.5" for "4.54", never one year for another.</summary>
    private static bool Same(ContentWord claim, bool hedged, ContentWord evidence) =>
        claim.Key == evidence.Key
        || (hedged && evidence.Kind == WordKind.Number && !ChangedValue.Differs(claim, evidence));

    /// <summary>A "not" after a comma ("…, not true nuts") whose next word is none of the claim's.</summary>
    private static bool IsContrastOutsideClaim(List<ContentWord> evidence, int not, HashSet<string> claimKeys) =>
        evidence[not].FollowsClauseMark && not + 1 < evidence.Count && !claimKeys.Contains(evidence[not + 1].Key);

    private static bool MayStandBetween(ContentWord word) =>
        !word.IsValue && !word.IsName && !word.IsNegation && !Qualifiers.Contains(word.Key);
}
