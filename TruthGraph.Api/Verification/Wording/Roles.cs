using TruthGraph.Wording;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// The claim is the sentence with two of its names exchanged (<see cref="WordingMatch.SwapsRoles"/>): "France invaded
/// Germany in 1940." against "Germany invaded France in 1940, …", "Rio de Janeiro replaced Brasília as the capital of
/// Brazil in 1960." against "Brasília replaced Rio de Janeiro as the capital of Brazil in 1960." The cross-encoder reads
/// both as entailment (0.99 and 0.95): it sees the same words. The sentence must hold the claim's words from its first
/// name to its second with the two names exchanged, and not in the claim's order; a relation that holds both ways
/// ("borders", "married", "France and Germany") is left alone.
/// </summary>
internal static class Roles
{
    /// <summary>Words of relations that hold both ways round, or that join the two names as equals.</summary>
    private static readonly HashSet<string> Symmetric = Words.KeysOf(
        "border borders bordered neighbour neighbours neighbor neighbors marry married marries meet met meets fight fought " +
        "fights play played plays against versus tied drew draw draws partner partnered share shared shares between " +
        "equal equals same like unlike both together");

    /// <summary>Words that join the two names as equals ("France and Germany", "a treaty with Germany").</summary>
    private static readonly HashSet<string> Joining = Words.KeysOf("and or with");

    /// <summary>The most names of the claim tried in pairs.</summary>
    public const int MaxNames = 4;

    /// <summary>
    /// Compared word by word, function words included, so that "Portuguese is the official language of Brazil" does not
    /// read as "Brazil's official language is Portuguese" turned round: only the two names may trade places.
    /// </summary>
    public static bool Swapped(string claim, List<ContentWord> claimWords, string evidence)
    {
        if (claimWords.Any(w => w.IsNegation || Symmetric.Contains(w.Key)))
        {
            return false;
        }
        var tokens = Words.Tokenize(claim);
        var names = NameSpans(tokens);
        if (names.Count is < 2 or > MaxNames)
        {
            return false;
        }
        var keys = tokens.Select(w => w.Keys[0]).ToList();
        var evidenceKeys = Words.Tokenize(evidence).Select(w => w.Keys[0]).ToList();
        for (var i = 0; i < names.Count; i++)
        {
            for (var j = i + 1; j < names.Count; j++)
            {
                var (first, second) = (names[i], names[j]);
                var between = keys[first.End..second.Start];
                // Names next to each other ("Paris, France") or joined as equals ("France and Germany") play no two roles,
                // and the claim must say something of one to the other ("invaded", "replaced").
                if (!tokens[first.End..second.Start].Any(w => !w.IsFunctionWord) || between.Any(Joining.Contains)
                    || keys[first.Start..first.End].SequenceEqual(keys[second.Start..second.End]))
                {
                    continue;
                }
                List<string> exchanged = [.. keys[second.Start..second.End], .. between, .. keys[first.Start..first.End]];
                if (Contains(evidenceKeys, exchanged) && !Contains(evidenceKeys, keys[first.Start..second.End]))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>The most words of one of two exchanged things that are no names ("carbon dioxide").</summary>
    public const int MaxTermWords = 3;

    /// <summary>
    /// The same for two things that are no names: "During photosynthesis, plants take in oxygen and release carbon dioxide."
    /// against "… plants take in carbon dioxide and release oxygen." (the model read support at 0.99). Without names to
    /// mark them, each thing is a run of one to <see cref="MaxTermWords"/> content words, the sentence must have every
    /// content word of the claim, and an "and" or "or" between them must join two acts ("and release"), not two things
    /// of a list ("oil, gas and coal").
    /// </summary>
    public static bool SwappedTerms(List<Word> claimTokens, List<ContentWord> claimWords, List<Word> evidenceTokens)
    {
        if (claimWords.Any(w => w.IsNegation || Symmetric.Contains(w.Key)))
        {
            return false;
        }
        var keys = claimTokens.Select(w => w.Keys[0]).ToList();
        var evidenceKeys = evidenceTokens.Select(w => w.Keys[0]).ToList();
        var evidenceContent = evidenceTokens.SelectMany(w => w.ContentKeys).ToHashSet(StringComparer.Ordinal);
        if (!claimTokens.SelectMany(w => w.ContentKeys).All(evidenceContent.Contains))
        {
            return false;
        }
        var terms = TermSpans(claimTokens);
        foreach (var (first, firstEnd) in terms)
        {
            foreach (var (second, secondEnd) in terms.Where(t => t.Start > firstEnd))
            {
                if (!JoinsActs(claimTokens[firstEnd..second]) || keys[first..firstEnd].SequenceEqual(keys[second..secondEnd]))
                {
                    continue;
                }
                List<string> exchanged = [.. keys[second..secondEnd], .. keys[firstEnd..second], .. keys[first..firstEnd]];
                if (Contains(evidenceKeys, exchanged) && !Contains(evidenceKeys, keys[first..secondEnd]))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>Every run of one to <see cref="MaxTermWords"/> content tokens (end exclusive): the things that may trade places.</summary>
    private static List<(int Start, int End)> TermSpans(List<Word> tokens)
    {
        var spans = new List<(int, int)>();
        for (var start = 0; start < tokens.Count; start++)
        {
            for (var end = start + 1; end <= Math.Min(start + MaxTermWords, tokens.Count) && IsContent(tokens[end - 1]); end++)
            {
                spans.Add((start, end));
            }
        }
        return spans;
    }

    /// <summary>The most words the sentence may have between its first name and the claim's relation word, and between that and its second name.</summary>
    public const int MaxWordsAround = 3;

    /// <summary>
    /// "A r B" in the claim, "B … r … A" in the sentence, with the same relation word r and a few other words around it:
    /// "The Sun orbits the Earth." against "Earth completes one orbit around the Sun in about 365.25 days." (the model read
    /// support at 0.77). The sentence must have a word of its own between its first name and the relation word. A passive
    /// ("was invaded by") tells the same order the other way, so it is left alone, and so is a sentence that also has the
    /// claim's order.
    /// </summary>
    public static bool ReversedRelation(List<ContentWord> claim, List<ContentWord> evidence)
    {
        if (claim.Concat(evidence).Any(w => w.IsNegation || Symmetric.Contains(w.Key)))
        {
            return false;
        }
        var firstStart = claim.FindIndex(w => w.IsName);
        if (firstStart < 0)
        {
            return false;
        }
        var firstEnd = firstStart + OneChange.NameLength(claim[firstStart..]);
        // One relation word, then the second name, which ends the claim's words or a clause of them.
        if (firstEnd + 1 >= claim.Count || claim[firstEnd].IsName || claim[firstEnd].IsValue || !claim[firstEnd + 1].IsName)
        {
            return false;
        }
        var relation = claim[firstEnd].Key;
        var secondEnd = firstEnd + 1 + OneChange.NameLength(claim[(firstEnd + 1)..]);
        var first = claim[firstStart..firstEnd].Select(w => w.Key).ToList();
        var second = claim[(firstEnd + 1)..secondEnd].Select(w => w.Key).ToList();
        return Finds(evidence, second, relation, first, passiveAllowed: false) && !Finds(evidence, first, relation, second, passiveAllowed: true);
    }

    /// <summary>Whether the words hold <paramref name="left"/>, then <paramref name="relation"/>, then <paramref name="right"/>, within <see cref="MaxWordsAround"/> words each, no other name or clause mark between.</summary>
    private static bool Finds(List<ContentWord> words, List<string> left, string relation, List<string> right, bool passiveAllowed)
    {
        for (var at = 0; at + left.Count <= words.Count; at++)
        {
            if (!words.Skip(at).Take(left.Count).Select(w => w.Key).SequenceEqual(left))
            {
                continue;
            }
            var r = NextOnlyPlainWords(words, at + left.Count, w => w.Key == relation);
            // Read strictly, the relation is a word of its own ("completes one orbit around"): right after the first name
            // it names that one ("Greenpeace founder Don White", "Illinois born Charlton Heston"), and after a clause mark
            // it starts a clause of its own ("the Commonwealth Realms, which includes the United Kingdom").
            if (r < 0 || (!passiveAllowed && (r == at + left.Count || words[r].FollowsClauseMark
                || words[r].FollowsBe)))
            {
                continue;
            }
            var end = NextOnlyPlainWords(words, r + 1, w => w.Key == right[0]);
            if (end >= 0 && end + right.Count <= words.Count && words.Skip(end).Take(right.Count).Select(w => w.Key).SequenceEqual(right)
                && (passiveAllowed || words[end].FunctionWordBefore != "by"))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The index of the first word from <paramref name="from"/> that matches, if only plain words (no name, no clause mark) come before it, and at most <see cref="MaxWordsAround"/> of them.</summary>
    private static int NextOnlyPlainWords(List<ContentWord> words, int from, Func<ContentWord, bool> matches)
    {
        for (var i = from; i < words.Count && i <= from + MaxWordsAround; i++)
        {
            if (i > from && words[i].FollowsClauseMark)
            {
                return -1;
            }
            if (matches(words[i]))
            {
                return i;
            }
            if (words[i].IsName)
            {
                return -1;
            }
        }
        return -1;
    }

    private static bool IsContent(Word word) => !word.IsFunctionWord && word.Kind is not (WordKind.Number or WordKind.Date or WordKind.Negation);

    /// <summary>What stands between two exchanged things says something of one to the other: a content word, after any "and" or "or".</summary>
    private static bool JoinsActs(List<Word> between)
    {
        var lastJoin = between.FindLastIndex(w => Joining.Contains(w.Keys[0]));
        return between.Skip(lastJoin + 1).Any(w => !w.IsFunctionWord);
    }

    private static bool Contains(List<string> text, List<string> part)
    {
        for (var at = 0; at + part.Count <= text.Count; at++)
        {
            if (text.Skip(at).Take(part.Count).SequenceEqual(part, StringComparer.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Runs of name words (end exclusive), a lower-case particle inside one included.</summary>
    private static List<(int Start, int End)> NameSpans(List<Word> words)
    {
        var spans = new List<(int, int)>();
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Kind != WordKind.Name)
            {
                continue;
            }
            var end = i + 1;
            while (end < words.Count && (words[end].Kind == WordKind.Name
                || (OneChange.NameParticles.Contains(words[end].Keys[0]) && end + 1 < words.Count && words[end + 1].Kind == WordKind.Name)))
            {
                end++;
            }
            spans.Add((i, end));
            i = end - 1;
        }
        return spans;
    }
}
