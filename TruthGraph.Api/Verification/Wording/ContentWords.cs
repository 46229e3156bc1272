using System.Buffers;
using TruthGraph.Wording;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// A word that carries content: its normalised key (every negation is "not"), its kind, whether it is written as an
/// abbreviation in capitals, and whether it opens a clause (it is the text's first content word, or a comma, colon,
/// semicolon, bracket or full stop stands between it and the content word before it; the later words of a name that
/// does open one, too), the function word right before it, if any ("by" before the agent of a passive: "was written by
/// Cervantes"), and whether such a mark stands right before it (where a name or a phrase ends: "Paris, on the Champ").
/// </summary>
internal readonly record struct ContentWord(
    string Key, WordKind Kind, bool IsAbbreviation = false, bool OpensClause = false, string? FunctionWordBefore = null,
    bool FollowsClauseMark = false)
{
    public bool IsName => Kind == WordKind.Name;

    /// <summary>A number or a date ("1945", "June", "86 billion").</summary>
    public bool IsValue => Kind is WordKind.Number or WordKind.Date;

    public bool IsNegation => Key == WordLists.NegationKey;

    /// <summary>A form of "be" stands right before the word: a passive ("was invaded", "was founded") when the word is a verb.</summary>
    public bool FollowsBe => FunctionWordBefore is { } before && FormsOfBe.Contains(before);

    private static readonly HashSet<string> FormsOfBe = ["is", "are", "was", "were", "be", "been", "being"];
}

internal static class ContentWords
{
    private static readonly SearchValues<char> ClauseMarks = SearchValues.Create(",;:(.!?–—");

    private static readonly string Able = Words.KeysOf("able").Single();

    /// <summary>The words of <paramref name="text"/> that carry content, in order: one key each, function words left out.</summary>
    public static List<ContentWord> Of(string text) => Of(text, Words.Tokenize(text));

    /// <summary>The same from <paramref name="text"/>'s tokens (<see cref="Words.Tokenize"/>), for a caller that needs them too.</summary>
    public static List<ContentWord> Of(string text, List<Word> tokens)
    {
        var words = new List<ContentWord>();
        var previousEnd = -1;
        var previousIsInitial = false;
        string? functionWordBefore = null;
        foreach (var word in tokens)
        {
            // "not able to" says what "cannot" and "unable to" say, whose "can" and "able" are no content words either.
            if ((word.Kind != WordKind.Negation && word.IsFunctionWord) || (word.Keys[0] == Able && words.Count > 0 && words[^1].IsNegation))
            {
                functionWordBefore = word.Keys[0];
                continue;
            }
            var gap = previousEnd < 0 ? default : text.AsSpan(previousEnd, word.Start - previousEnd);
            // The full stop of an initial ("Loretta L. Sánchez", "J. K. Rowling") ends nothing.
            var followsClauseMark = gap.IndexOfAny(ClauseMarks) >= 0 && !(previousIsInitial && gap.Trim() is ".");
            // The later words of a name open a clause when its first word does: "Einstein" in "Albert Einstein published …"
            // (but not "Microsoft" in "Operation of Microsoft").
            var opensClause = previousEnd < 0 || followsClauseMark
                || (word.Kind == WordKind.Name && words[^1].IsName && words[^1].OpensClause && gap.IsWhiteSpace());
            words.Add(word.Kind == WordKind.Negation
                ? new ContentWord(WordLists.NegationKey, WordKind.Negation, OpensClause: opensClause, FollowsClauseMark: followsClauseMark)
                : new ContentWord(word.Keys[0], word.Kind, word.IsAbbreviation, opensClause, functionWordBefore, followsClauseMark));
            previousEnd = word.Start + word.Length;
            previousIsInitial = word.Text.Length == 1 && char.IsUpper(word.Text[0]);
            functionWordBefore = null;
        }
        return WithoutNotUntil(words);
    }

    private static readonly HashSet<string> Until = Words.KeysOf("until till");

    /// <summary>
    /// "did not publish it until 1915" says when it was published, and denies nothing: the "not" and the "until" are left
    /// out, so that the words read as "published it 1915" and a sentence with another year is read as another date.
    /// </summary>
    private static List<ContentWord> WithoutNotUntil(List<ContentWord> words)
    {
        var not = words.FindIndex(w => w.IsNegation);
        if (not < 0)
        {
            return words;
        }
        for (var i = not + 1; i < words.Count && !words[i].FollowsClauseMark; i++)
        {
            if (Until.Contains(words[i].Key))
            {
                return [.. words.Where((_, j) => j != not && j != i)];
            }
        }
        return words;
    }
}
