using System.Text.RegularExpressions;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// "from A to B" in the claim against "from B to A" in the sentence, with names at both ends
/// (<see cref="WordingMatch.ReversesDirection"/>): "The Statue of Liberty was a gift from the United States to France."
/// against "The Statue of Liberty was a gift from the people of France to the United States …" (contradiction; the model
/// read support at 0.96). A sentence that also gives the claim's own direction ("… and from Paris to London too") settles
/// nothing. The same for a conversion ("converts A into B"), whose ends need no names: "Photosynthesis converts oxygen into
/// carbon dioxide." against "Photosynthesis converts carbon dioxide and water into sugars and oxygen …" (the model read
/// support at 0.98), when the sentence has the claim's words before the verb too. And the same for an order in time:
/// "Thunder is heard before lightning is seen." against "… lightning is seen before its thunder is heard." (the model read
/// support at 0.89); "A after B" is "B before A".
/// </summary>
internal static partial class Direction
{
    // The phrase after "to" ends at a mark or at a word that starts another phrase ("… to the United States and was …").
    [GeneratedRegex(
        @"\bfrom\s+(?<from>[^,;.()]+?)\s+to\s+(?<to>[^,;.()]+?)(?=[,;.()]|\s+(?:and|in|on|at|by|for|was|were|which|who|after|before|during|until)\b|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FromTo();

    [GeneratedRegex(@"\b\p{Lu}[\p{L}'-]+", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalisedWord();

    // "convert(s) A into B", the phrase after "into" ending at a mark or at a word that starts another phrase.
    [GeneratedRegex(
        @"^(?<subject>.*?)\b(?<verb>convert|converts|converted|converting|turn|turns|turned|transform|transforms|transformed|change|changes|changed)\s+" +
        @"(?<from>[^,;.()]+?)\s+into\s+(?<to>[^,;.()]+?)(?=[,;.()]|\s+(?:using|with|by|in|on|at|for|which|who|when|while|through)\b|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Conversion();

    // "A before B" or "A after B" within one clause.
    [GeneratedRegex(@"(?<first>[^,;:.()]+?)\s+(?<word>before|after)\s+(?<second>[^,;:.()]+?)(?=[,;:.()]|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Order();

    public static bool Reverses(string claim, string evidence) =>
        ReversesFromTo(claim, evidence) || ReversesConversion(claim, evidence) || ReversesOrder(claim, evidence);

    /// <summary>
    /// The claim puts its first thing (the first content word of each side: "thunder", "lightning") before the second, and
    /// a clause of the sentence puts them the other way round; never where either side holds a number or date ("before 1900").
    /// </summary>
    private static bool ReversesOrder(string claim, string evidence)
    {
        if (Order().Matches(claim) is not [var claimMatch])
        {
            return false;
        }
        var (earlier, later) = EarlierAndLater(claimMatch);
        if (earlier.Count == 0 || later.Count == 0 || earlier[0] == later[0])
        {
            return false;
        }
        var sentenceOrders = Order().Matches(evidence).Select(EarlierAndLater).Where(o => o.Earlier.Count > 0 && o.Later.Count > 0).ToList();
        return sentenceOrders.Any(o => o.Later.Contains(earlier[0]) && o.Earlier.Contains(later[0]) && !o.Earlier.Contains(earlier[0]))
            && !sentenceOrders.Any(o => o.Earlier.Contains(earlier[0]) && o.Later.Contains(later[0]));
    }

    /// <summary>The content words of what comes first and what comes later, or none where a side has a value.</summary>
    private static (List<string> Earlier, List<string> Later) EarlierAndLater(Match match)
    {
        var first = ContentWords.Of(match.Groups["first"].Value);
        var second = ContentWords.Of(match.Groups["second"].Value);
        if (first.Concat(second).Any(w => w.IsValue || w.IsNegation))
        {
            return ([], []);
        }
        var (earlier, later) = match.Groups["word"].Value.Equals("before", StringComparison.OrdinalIgnoreCase) ? (first, second) : (second, first);
        return (earlier.Select(w => w.Key).ToList(), later.Select(w => w.Key).ToList());
    }

    private static bool ReversesConversion(string claim, string evidence)
    {
        if (Conversion().Match(claim) is not { Success: true } claimMatch || Conversion().Match(evidence) is not { Success: true } sentence)
        {
            return false;
        }
        var (from, to) = (KeysOf(claimMatch.Groups["from"].Value), KeysOf(claimMatch.Groups["to"].Value));
        var (sentenceFrom, sentenceTo) = (KeysOf(sentence.Groups["from"].Value), KeysOf(sentence.Groups["to"].Value));
        var subject = KeysOf(claimMatch.Groups["subject"].Value);
        return from.Count > 0 && to.Count > 0 && from.IsSubsetOf(sentenceTo) && to.IsSubsetOf(sentenceFrom)
            && !(from.IsSubsetOf(sentenceFrom) && to.IsSubsetOf(sentenceTo))
            && subject.IsSubsetOf(KeysOf(sentence.Groups["subject"].Value));
    }

    private static HashSet<string> KeysOf(string phrase) => ClaimCoverage.KeysOf(ContentWords.Of(phrase));

    private static bool ReversesFromTo(string claim, string evidence)
    {
        if (FromTo().Matches(claim) is not [var claimMatch])
        {
            return false;
        }
        var (from, to) = Ends(claimMatch);
        if (from.Count == 0 || to.Count == 0)
        {
            return false;
        }
        var sentenceDirections = FromTo().Matches(evidence).Select(Ends).ToList();
        return sentenceDirections.Any(d => from.IsSubsetOf(d.To) && to.IsSubsetOf(d.From) && !from.Overlaps(d.From))
            && !sentenceDirections.Any(d => from.IsSubsetOf(d.From) && to.IsSubsetOf(d.To));
    }

    /// <summary>The capitalised words of each end: the names a direction runs between ("the Black Sea": black, sea).</summary>
    private static (HashSet<string> From, HashSet<string> To) Ends(Match match) =>
        (Names(match.Groups["from"].Value), Names(match.Groups["to"].Value));

    private static HashSet<string> Names(string phrase) =>
        CapitalisedWord().Matches(phrase).Select(m => m.Value.ToLowerInvariant()).Where(w => w is not ("the" or "a" or "an")).ToHashSet(StringComparer.Ordinal);
}
