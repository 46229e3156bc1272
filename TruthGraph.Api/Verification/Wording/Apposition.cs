namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// The sentence without the phrase set off by commas after its opening words: "Mount Everest, on the border between Nepal
/// and China, is the highest mountain above sea level." read as "Mount Everest is the highest mountain above sea level."
/// Such a phrase adds to what the sentence says of its subject and takes nothing away, so the sentence still says what is
/// left, and a near-copy of the claim that it hid (another name, number or date) can be read.
/// </summary>
internal static class Apposition
{
    /// <summary>The most words the sentence's subject may have before the phrase ("The Golden Gate Bridge").</summary>
    public const int MaxSubjectWords = 4;

    /// <summary>The most words the phrase itself may have.</summary>
    public const int MaxPhraseWords = 10;

    /// <summary>The sentence's words without the phrase, or null when it has none.</summary>
    public static List<ContentWord>? Drop(List<ContentWord> words)
    {
        // The subject is a name ("Lake Titicaca"), and the phrase has no date or number: "(born 14 April 1949)" is a fact
        // the claim may be about, not an aside.
        var start = OneChange.NameLength(words);
        if (start is 0 or > MaxSubjectWords || start >= words.Count || !words[start].FollowsClauseMark)
        {
            return null;
        }
        var end = words.FindIndex(start + 1, w => w.FollowsClauseMark);
        if (end < 0 || end - start > MaxPhraseWords || words[start..end].Any(w => w.IsValue))
        {
            return null;
        }
        return [.. words[..start], .. words[end..]];
    }
}
