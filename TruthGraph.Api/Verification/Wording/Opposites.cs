using TruthGraph.Wording;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// Pairs of words that say opposite things about the same fact: a trend ("grew" against "declined"), a degree ("densely"
/// against "sparsely"), a rank ("largest" against "smallest"), a direction or an order ("north" against "south",
/// "before" against "after"), a sex ("male" against "female"), a parity ("odd" against "even"). A near-copy of a claim
/// with one of them in the place of the other is the antonym change that fact-checkers are tested with, and that the
/// NLI model, seeing every other word match, reads as support.
/// Hand-written: no antonym lexicon (WordNet or the like) is served as a package here, and the checks need only the few
/// opposites that decide facts. Irregular forms are listed ("grew", "grown"), and each adjective's plain, comparative
/// and superlative forms oppose all of the other side's ("not a slow animal" against "the fastest land animal"); regular
/// inflections fold through <see cref="Words.KeysOf"/>. Left out on purpose: pairs whose words have other everyday senses ("close", "light",
/// "present", "start"/"end" as nouns), and true/false, which are reporting words.
/// </summary>
internal static class Opposites
{
    // Each line: the forms of one side | the forms of the other. Every form on the left opposes every form on the right.
    private static readonly string[] Pairs =
    [
        "increase rise rose risen raise grow grew grown expand gain | decrease decline fall fell fallen drop shrink shrank shrunk reduce lowers lowered",
        "more | less fewer",
        "most | least fewest",
        "large larger largest big bigger biggest greater greatest | small smaller smallest lesser",
        "high higher highest | low lower lowest",
        "long longer longest | short shorter shortest",
        "tall taller tallest | short shorter shortest",
        "old older oldest | young younger youngest newer newest",
        "heavier heaviest | lighter lightest",
        "fast faster fastest quick quicker quickest quickly rapid rapidly | slow slower slowest slowly",
        "hotter hottest warmer warmest | colder coldest cooler coolest",
        "wetter wettest | drier driest",
        "deeper deepest | shallower shallowest",
        "near nearer nearest closer closest | far farther farthest further furthest",
        "wide wider widest broad broader broadest | narrow narrower narrowest",
        "thick thicker thickest | thin thinner thinnest",
        "stronger strongest | weaker weakest",
        "early earlier earliest | late later latest",
        "densely dense denser densest | sparsely sparse sparser sparsest",
        "hot warm | cold cool",
        "wet | dry",
        "deep | shallow",
        "common | rare",
        "rich | poor",
        "cheap | expensive",
        "hard | soft",
        "strong | weak",
        "maximum | minimum",
        "odd | even",
        "single | double triple",
        "double | triple",
        "solid | liquid gas gaseous",
        "liquid | gas gaseous",
        "alive | dead extinct",
        "diurnal | nocturnal",
        "summer | winter",
        "acidic | alkaline",
        "herbivore herbivorous | carnivore carnivorous",
        "inner | outer",
        "upper | lower",
        "majority | minority",
        "first | last",
        "before | after",
        "above | below",
        "inside | outside",
        "north northern northernmost | south southern southernmost",
        "east eastern easternmost | west western westernmost",
        "male | female",
        "father | mother",
        "son | daughter",
        "brother | sister",
        "husband | wife",
        "win won | lose lost",
        "buy bought | sell sold",
        "import | export",
        "accept | reject",
        "attract attraction | repel repulsion",
        "include | exclude",
        "join joined connect | separate divide",
        "allow permit | forbid prohibit ban",
    ];

    private static readonly HashSet<(string, string)> Opposed = Build();

    /// <summary>Verbs whose passive is another verb's active: "was defeated" at Waterloo is "lost" there.</summary>
    private static readonly Dictionary<string, string> PassiveMeanings = new(StringComparer.Ordinal)
    {
        [Words.KeysOf("defeated").Single()] = Words.KeysOf("lost").Single(),
        [Words.KeysOf("beaten").Single()] = Words.KeysOf("lost").Single(),
    };

    /// <summary>
    /// The key a word is compared by: its own, or for a passive ("Napoleon was defeated at Waterloo") the key of the
    /// active verb it means ("lost"), so that "Napoleon won the Battle of Waterloo." opposes it (the model read support
    /// at 0.97).
    /// </summary>
    public static string MeaningOf(ContentWord word) =>
        word.FollowsBe && PassiveMeanings.TryGetValue(word.Key, out var active)
            ? active
            : word.Key;

    /// <summary>True when the two keys (as <see cref="Words"/> keys them) are opposites of each other, either way round.</summary>
    public static bool Oppose(string a, string b) => Opposed.Contains((a, b));

    private static HashSet<(string, string)> Build()
    {
        var opposed = new HashSet<(string, string)>();
        foreach (var line in Pairs)
        {
            var sides = line.Split('|');
            foreach (var left in Words.KeysOf(sides[0]))
            {
                foreach (var right in Words.KeysOf(sides[1]))
                {
                    opposed.Add((left, right));
                    opposed.Add((right, left));
                }
            }
        }
        return opposed;
    }
}
