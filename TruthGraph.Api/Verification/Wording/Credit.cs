using TruthGraph.Wording;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// The sentence credits the claim's deed to another name (<see cref="WordingMatch.CreditsAnotherName"/>): "Shakespeare wrote
/// Don Quixote." against "Miguel de Cervantes published the first part of Don Quixote in 1605." Unlike a swapped name,
/// the rest of the wording may differ: the deed's verb is one of a kind that names its maker (wrote, painted, invented,
/// founded, discovered, directed, composed, designed), and every other content word of the claim is in the sentence.
/// </summary>
internal static class Credit
{
    /// <summary>
    /// Verbs that credit one maker with a work, in groups that name the same role: the director of a film is not its
    /// writer. An author may also be said to have published a book ("Darwin published On the Origin of Species"), but
    /// "published by" names a publisher, so that crossing is taken only where the sentence's maker comes first.
    /// </summary>
    private static readonly HashSet<string> Written = Words.KeysOf("wrote written write writes authored");
    private static readonly HashSet<string> Published = Words.KeysOf("published");

    private static readonly HashSet<string>[] RoleGroups =
    [
        Written,
        Words.KeysOf("directed"),
        Words.KeysOf("painted"),
        Words.KeysOf("composed"),
        Words.KeysOf("invented"),
        Words.KeysOf("discovered"),
        Words.KeysOf("founded established"),
        Words.KeysOf("designed"),
        Published,
    ];

    /// <summary>The most name words the makers may have: "Steve Jobs, Steve Wozniak and Ronald Wayne".</summary>
    public const int MaxMakerWords = 8;

    public static bool GoesToAnotherName(List<ContentWord> claim, List<ContentWord> evidence)
    {
        if (claim.Any(w => w.IsNegation) || evidence.Any(w => w.IsNegation)
            || Deed(claim) is not var (claimVerb, claimMaker, _))
        {
            return false;
        }
        // The claim's maker's surname appears nowhere in the sentence ("Einstein" against "Albert Einstein" is the same
        // maker; a first name alone is not: "Alexander Graham Bell" is not "Alexander Fleming"), and every other word of
        // the claim does: the same work, whatever else the sentence adds.
        var claimNames = claimMaker.Select(i => claim[i]).Where(w => w.IsName).ToList();
        if (claimNames.Count == 0 || evidence.Any(w => w.Key == claimNames[^1].Key))
        {
            return false;
        }
        var evidenceKeys = evidence.Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
        if (!claim.Where((_, i) => i != claimVerb && !claimMaker.Contains(i)).All(w => evidenceKeys.Contains(w.Key)))
        {
            return false;
        }
        if (Deed(evidence) is not var (evidenceVerb, evidenceMaker, makerFirst)
            || !SameRole(claim[claimVerb].Key, evidence[evidenceVerb].Key, makerFirst))
        {
            return false;
        }
        var evidenceNames = evidenceMaker.Select(i => evidence[i]).Where(w => w.IsName).ToList();
        // The sentence's maker is no word of the claim's work: in "… of Don Quixote published in 1605" the work is no maker.
        if (evidenceNames.Any(e => claim.Where((_, i) => !claimMaker.Contains(i)).Any(c => c.Key == e.Key)))
        {
            return false;
        }
        // "US" for "American", "Hickman" for "Hickam": possibly the same maker under another spelling. The claim's surname
        // decides that, not a first name: "Vincent van Gogh" is not "Leonardo da Vinci".
        return !claimNames.Concat(evidenceNames).Any(w => w.IsAbbreviation)
            && !evidenceNames.Any(e => OneChange.SpeltAlike(claimNames[^1].Key, e.Key));
    }

    /// <summary>
    /// The one crediting verb of <paramref name="words"/> and its maker's words, the particles of a name included ("Vincent
    /// van Gogh"): the name right after it behind "by" ("written by
    /// Cervantes", "founded in 1976 by Steve Jobs, …"), or else the names right before it ("Cervantes published"). Null
    /// when there is not exactly one such verb or its maker is no name of at most <see cref="MaxMakerWords"/> words.
    /// </summary>
    private static (int Verb, List<int> Maker, bool MakerFirst)? Deed(List<ContentWord> words)
    {
        var verbs = Enumerable.Range(0, words.Count).Where(i => RoleGroups.Any(g => g.Contains(words[i].Key))).ToList();
        if (verbs.Count != 1)
        {
            return null;
        }
        var verb = verbs[0];
        // A date may stand between the verb and its maker: "founded in 1976 by Steve Jobs".
        var after = verb + 1;
        while (after < words.Count && words[after].IsValue)
        {
            after++;
        }
        if (after < words.Count && words[after].FunctionWordBefore == "by" && words[after].IsName)
        {
            var length = OneChange.NameLength(words[after..]);
            return length <= MaxMakerWords ? (verb, [.. Enumerable.Range(after, length)], false) : null;
        }
        // A comma between name and verb ("Don Quixote, published in 1605") makes the name no maker, and so does a passive
        // ("Microsoft was founded in 1975": what was founded).
        var start = verb;
        if (words[verb].OpensClause || words[verb].FollowsBe)
        {
            return null;
        }
        while (start > 0 && (words[start - 1].IsName || (start < verb && OneChange.NameParticles.Contains(words[start - 1].Key))))
        {
            start--;
        }
        return verb - start is > 0 and <= MaxMakerWords && words[start].IsName ? (verb, [.. Enumerable.Range(start, verb - start)], true) : null;
    }

    private static bool SameRole(string claimVerb, string evidenceVerb, bool evidenceMakerFirst) =>
        RoleGroups.Any(g => g.Contains(claimVerb) && g.Contains(evidenceVerb))
        || (evidenceMakerFirst && Written.Contains(claimVerb) && Published.Contains(evidenceVerb));
}
