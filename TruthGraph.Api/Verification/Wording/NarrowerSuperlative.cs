using TruthGraph.Wording;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// The sentence gives the claim's superlative for a narrower group: "The liver is the largest internal organ of the human
/// body." for "The liver is the largest organ of the human body." (the model: support 0.97), "the largest land animal" for
/// "the largest animal", "the largest hot desert" for "the largest desert". The largest of a part need not be the largest
/// of the whole, so such a sentence cannot support the claim (<see cref="PairScores.NarrowsSuperlative"/>). Whether it
/// refutes the claim is left to the model and to the other sentences ("The skin is the largest organ …").
/// </summary>
public static class NarrowerSuperlative
{
    private static readonly HashSet<string> Superlatives =
    [
        "largest", "biggest", "greatest", "highest", "tallest", "longest", "shortest", "smallest", "oldest", "youngest",
        "deepest", "fastest", "slowest", "heaviest", "lightest", "hottest", "coldest", "driest", "wettest", "widest",
        "richest", "poorest", "brightest", "densest", "strongest", "weakest", "earliest",
    ];

    /// <summary>Words between a superlative and its noun that stress it rather than narrow the group: "the largest ever recorded".</summary>
    private static readonly HashSet<string> Intensifiers = ["ever", "single", "known", "recorded", "possible", "overall", "very", "total", "combined"];

    /// <summary>
    /// Words after the claim's noun that narrow its group themselves, which the sentence may then say before the noun: "the
    /// highest lake that boats can navigate" is "the highest navigable lake", "the largest lizard alive today" "the largest
    /// living lizard".
    /// </summary>
    private static readonly HashSet<string> PostModifiers = ["that", "which", "who", "whose", "where", "alive", "living", "today", "known", "surviving", "existing"];

    /// <summary>The most words a sentence may put between the superlative and the claim's noun ("largest living land animal").</summary>
    public const int MaxAddedWords = 2;

    public static bool Narrows(string claim, string sentence) => Narrows(Words.Tokenize(claim), Words.Tokenize(sentence));

    /// <summary>The same with both texts' tokens (<see cref="Words.Tokenize"/>) read once.</summary>
    internal static bool Narrows(List<Word> claim, List<Word> sentence)
    {
        var claimKeys = claim.SelectMany(w => w.Keys).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < claim.Count; i++)
        {
            var width = SuperlativeWidth(claim, i);
            if (width == 0 || i + width >= claim.Count || claim[i + width] is not { IsFunctionWord: false, Kind: WordKind.Word or WordKind.Name } noun
                || (i + width + 1 < claim.Count && PostModifiers.Contains(claim[i + width + 1].Text.ToLowerInvariant())))
            {
                continue;
            }
            for (var j = 0; j < sentence.Count; j++)
            {
                if (SuperlativeWidth(sentence, j) != width || !SameWords(claim, i, sentence, j, width))
                {
                    continue;
                }
                var after = j + width;
                // The sentence also says it of the claim's group: "the largest organ" anywhere settles it.
                if (after < sentence.Count && sentence[after].Keys[0] == noun.Keys[0])
                {
                    return false;
                }
                for (var added = 1; added <= MaxAddedWords && after + added < sentence.Count; added++)
                {
                    if (sentence[after + added].Keys[0] == noun.Keys[0])
                    {
                        var between = sentence.GetRange(after, added);
                        if (between.All(w => !w.IsFunctionWord && w.Kind is WordKind.Word or WordKind.Name
                                && !claimKeys.Contains(w.Keys[0]) && !Intensifiers.Contains(w.Text.ToLowerInvariant())))
                        {
                            return true;
                        }
                        break;
                    }
                }
            }
        }
        return false;
    }

    /// <summary>
    /// 1 for "largest", 2 for "most abundant" or "least dense", 0 where no superlative starts at <paramref name="at"/>. "Best"
    /// and "worst" are left out, and so is a capitalised superlative inside the text: both mostly name a title or an award
    /// ("Best Original Screenplay", "The 100 Greatest Singers").
    /// </summary>
    private static int SuperlativeWidth(List<Word> words, int at)
    {
        if (at > 0 && char.IsUpper(words[at].Text[0]))
        {
            return 0;
        }
        var text = words[at].Text.ToLowerInvariant();
        if (Superlatives.Contains(text))
        {
            return 1;
        }
        return text is "most" or "least" && at + 1 < words.Count && words[at + 1] is { IsFunctionWord: false, Kind: WordKind.Word } ? 2 : 0;
    }

    private static bool SameWords(List<Word> claim, int i, List<Word> sentence, int j, int width) =>
        Enumerable.Range(0, width).All(k => string.Equals(claim[i + k].Text, sentence[j + k].Text, StringComparison.OrdinalIgnoreCase));
}
