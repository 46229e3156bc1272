namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// "No N is taller than X." says what "X is the tallest N." says (<see cref="WordingMatch.RestatesSuperlative"/>): "No
/// planet is closer to the Sun than Mercury." against "Mercury is the planet closest to the Sun.". The model reads the
/// claim's opening "No" as a denial and the pair as a contradiction (0.78 for this one). The check reads the claim's
/// comparative as the sentence's superlative of the same adjective (or as the same comparative "than any other"), and
/// needs the claim's other words in the sentence.
/// </summary>
internal static class Superlative
{
    /// <summary>Claim words besides the comparative that the sentence may lack ("lies" in "No capital … lies farther north than …").</summary>
    public const int MaxMissingClaimWords = 1;

    /// <summary>Adjectives whose comparative and superlative may swap in a rewording, keyed by their stem ("tall" for "taller").</summary>
    private static readonly Dictionary<string, string> SameMeasure = new(StringComparer.Ordinal)
    {
        ["tall"] = "high", ["high"] = "high", ["bigg"] = "larg", ["larg"] = "larg", ["great"] = "larg",
    };

    private static readonly HashSet<string> Directions = ["north", "south", "east", "west"];

    /// <summary>"the second oldest" or "one of the largest" is no superlative of the claim's kind.</summary>
    private static readonly HashSet<string> Ranks =
        ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "one", "1", "among"];

    /// <summary>The most words of a phrase set off by a comma before the "No" ("By area, no state is smaller …").</summary>
    public const int MaxLeadingWords = 3;

    public static bool Restates(List<ContentWord> claim, List<ContentWord> evidence)
    {
        // A leading phrase ("By area,", "In Africa,") narrows the comparison: its words must be in the sentence too.
        var no = claim.FindIndex(w => w.IsNegation);
        if (no is > 0 and <= MaxLeadingWords && claim[no].FollowsClauseMark)
        {
            var lead = claim[..no];
            return lead.All(w => evidence.Any(e => e.Key == w.Key)) && Restates(claim[no..], evidence);
        }
        if (claim.Count < 4 || !claim[0].IsNegation || claim.Skip(1).Any(w => w.IsNegation) || evidence.Any(w => w.IsNegation))
        {
            return false;
        }
        var than = claim.FindIndex(w => w.Key == "than");
        if (than < 2 || than == claim.Count - 1 || Comparative(claim, than) is not var (measure, first, count))
        {
            return false;
        }
        var superlative = Enumerable.Range(0, evidence.Count)
            .FirstOrDefault(i => SuperlativeMeasure(evidence, i) == measure || IsComparedWithAll(evidence, i, claim[first].Key), -1);
        if (superlative < 0 || (superlative > 0 && Ranks.Contains(evidence[superlative - 1].Key)))
        {
            return false;
        }
        // The claim's subject of comparison ("Mercury") stands before the sentence's superlative, as its subject.
        var compared = claim[than + 1];
        if (!evidence.Take(superlative).Any(w => w.Key == compared.Key))
        {
            return false;
        }
        var others = claim.Where((w, i) => i > 0 && i != than && (i < first || i >= first + count)).ToList();
        var missing = others.Where(w => !evidence.Any(e => e.Key == w.Key)).ToList();
        return missing.Count <= MaxMissingClaimWords && missing.All(w => !w.IsName && !w.IsValue);
    }

    /// <summary>
    /// The measure the comparative nearest before "than" names ("tall" for "taller", "most populat" for "more populated"),
    /// with where its words are. Read from "than" backwards, so that "river" in "No river is longer than …" is no comparative.
    /// </summary>
    private static (string Measure, int First, int Count)? Comparative(List<ContentWord> claim, int than)
    {
        for (var i = than - 1; i >= 1; i--)
        {
            var key = claim[i].Key;
            if (claim[i - 1].Key is "mor" or "more")
            {
                return ("most " + key, i - 1, 1);
            }
            if (Directions.Contains(key) && claim[i - 1].Key is "farther" or "further")
            {
                return (key + "ernmost", i - 1, 2);
            }
            if (key.Length >= 5 && key.EndsWith("er", StringComparison.Ordinal) && !claim[i].IsName)
            {
                return (Measure(key[..^2]), i, 1);
            }
        }
        return null;
    }

    /// <summary>
    /// The claim's comparative against all others at <paramref name="at"/>: "Brazil has won the World Cup five times, more
    /// than any other country." says what a superlative says.
    /// </summary>
    private static bool IsComparedWithAll(List<ContentWord> evidence, int at, string comparative) =>
        evidence[at].Key == comparative && at + 2 < evidence.Count && evidence[at + 1].Key == "than" && evidence[at + 2].Key == "any";

    /// <summary>The measure of the sentence's word at <paramref name="at"/> if it is a superlative: "northernmost", "most populated", "tallest".</summary>
    private static string? SuperlativeMeasure(List<ContentWord> evidence, int at)
    {
        var key = evidence[at].Key;
        if (key.EndsWith("ernmost", StringComparison.Ordinal))
        {
            return key;
        }
        if (key == "most" && at + 1 < evidence.Count)
        {
            return "most " + evidence[at + 1].Key;
        }
        return key.Length >= 6 && key.EndsWith("est", StringComparison.Ordinal) ? Measure(key[..^3]) : null;
    }

    private static string Measure(string stem) => SameMeasure.GetValueOrDefault(stem, stem);
}
