using TruthGraph.Wording;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>A word that carries content: its normalised key (every negation is "not") and whether it is capitalised as a name.</summary>
internal readonly record struct ContentWord(string Key, bool IsName)
{
    public bool IsNegation => Key == WordLists.NegationKey;
}

internal static class ContentWords
{
    /// <summary>The words of <paramref name="text"/> that carry content, in order: one key each, function words left out.</summary>
    public static List<ContentWord> Of(string text)
    {
        var words = new List<ContentWord>();
        foreach (var word in Words.Tokenize(text))
        {
            if (word.Kind == WordKind.Negation)
            {
                words.Add(new ContentWord(WordLists.NegationKey, false));
            }
            else if (!word.IsFunctionWord)
            {
                words.Add(new ContentWord(word.Keys[0], word.Kind == WordKind.Name));
            }
        }
        return words;
    }
}
