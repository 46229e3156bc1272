namespace TruthGraph.Wording;

/// <summary>The small closed word classes <see cref="Words"/> needs: English only, as the models are.</summary>
internal static class WordLists
{
    public const string NegationKey = "not";

    /// <summary>Negation words and contractions, with the word a contraction also contains ("cannot" is "can" + not).</summary>
    public static readonly IReadOnlyDictionary<string, string?> Negations = new Dictionary<string, string?>
    {
        ["not"] = null, ["no"] = null, ["never"] = null, ["none"] = null, ["nor"] = null, ["neither"] = null,
        ["without"] = null, ["nothing"] = null, ["nobody"] = null, ["unable"] = "able",
        ["cannot"] = "can", ["can't"] = "can", ["won't"] = "will", ["don't"] = "do", ["doesn't"] = "do", ["didn't"] = "do",
        ["isn't"] = "is", ["aren't"] = "are", ["wasn't"] = "was", ["weren't"] = "were", ["hasn't"] = "has", ["haven't"] = "have",
        ["hadn't"] = "had", ["couldn't"] = "could", ["shouldn't"] = "should", ["wouldn't"] = "would",
    };

    public static readonly IReadOnlyDictionary<string, string> NumberWords = new Dictionary<string, string>
    {
        ["zero"] = "0", ["one"] = "1", ["two"] = "2", ["three"] = "3", ["four"] = "4", ["five"] = "5", ["six"] = "6",
        ["seven"] = "7", ["eight"] = "8", ["nine"] = "9", ["ten"] = "10", ["eleven"] = "11", ["twelve"] = "12",
        ["twenty"] = "20", ["thirty"] = "30", ["forty"] = "40", ["fifty"] = "50", ["hundred"] = "100",
        ["thousand"] = "1000", ["million"] = "1000000", ["billion"] = "1000000000",
    };

    public static readonly IReadOnlySet<string> Months = new HashSet<string>
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    };

    /// <summary>
    /// Words with no content of their own: one text having "the" and the other not is not worth a highlight. Quantifiers
    /// (all, some, every) and "than" are left out on purpose: "all birds" and "some birds" differ in what they claim.
    /// </summary>
    public static readonly IReadOnlySet<string> FunctionWords = new HashSet<string>
    {
        "a", "an", "the", "of", "in", "on", "at", "to", "by", "for", "with", "from", "into", "onto", "about", "as", "and",
        "or", "but", "that", "this", "these", "those", "it", "its", "is", "are", "was", "were", "be", "been", "being",
        "has", "have", "had", "do", "does", "did", "can", "could", "will", "would", "shall", "should", "may", "might",
        "which", "who", "whom", "whose", "what", "there", "their", "they", "them", "he", "she", "his", "her", "we", "our",
        "then", "also", "such", "so", "very", "you", "your", "my",
    };
}
