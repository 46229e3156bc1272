using TruthGraph.Wording;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// A correction inside a sentence: "A camel's hump stores fat, not water.", "Sharks have skeletons made of cartilage
/// rather than bone.", "… spreads through direct contact with body fluids, not through the air." Myths are corrected this
/// way, and the NLI model reads the "not" as a contradiction of any claim close to the sentence: "The hump of a camel is a
/// store of fat." at 0.99, "Sharks have cartilage skeletons." at 0.66. <see cref="Without"/> gives the sentence as the
/// model should read it for a claim that says nothing of the corrected thing; <see cref="Agrees"/> reads a claim that
/// denies the corrected thing as support. A claim that asserts it is <see cref="Denial"/>'s case.
/// </summary>
internal static class Correction
{
    private static readonly char[] ContrastMarks = [',', ';', '–', '—'];
    private static readonly char[] ClauseEnds = [',', ';', ':', '.', '!', '?', '–', '—', '(', ')'];

    /// <summary>The word at <paramref name="i"/> is a "not" after a contrast mark: "…, not blue", "… fat, not water". <see cref="Denial"/> reads the same.</summary>
    public static bool IsContrastingNot(string sentence, List<Word> words, int i) =>
        i > 0 && words[i].Text.Equals("not", StringComparison.OrdinalIgnoreCase) && GapBefore(sentence, words, i).IndexOfAny(ContrastMarks) >= 0;

    /// <summary>The words that open a correction: "not" after a contrast mark, "rather than", "instead of".</summary>
    private static int? OpensAt(string sentence, List<Word> words, int i)
    {
        var text = words[i].Text;
        if (IsContrastingNot(sentence, words, i) && i + 1 < words.Count && !Denial.Limiters.Contains(words[i + 1].Keys[0]))
        {
            return i + 1;
        }
        if (i + 1 < words.Count && GapBefore(sentence, words, i + 1).Trim().Length == 0
            && ((text.Equals("rather", StringComparison.OrdinalIgnoreCase) && words[i + 1].Text.Equals("than", StringComparison.OrdinalIgnoreCase))
                || (text.Equals("instead", StringComparison.OrdinalIgnoreCase) && words[i + 1].Text.Equals("of", StringComparison.OrdinalIgnoreCase))))
        {
            return i + 2;
        }
        return null;
    }

    /// <summary>
    /// The sentence without its corrections whose words the claim does not have ("A camel's hump stores fat." for "The hump
    /// of a camel is a store of fat."), for the NLI model to read; the sentence as it is when it has none. A correction runs
    /// from its opening words (and the mark before them) to the end of its clause.
    /// </summary>
    public static string Without(string sentence, string claim)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(claim);
        if (sentence.IndexOf(" not ", StringComparison.OrdinalIgnoreCase) < 0 && sentence.IndexOf(" rather than ", StringComparison.OrdinalIgnoreCase) < 0
            && sentence.IndexOf(" instead of ", StringComparison.OrdinalIgnoreCase) < 0)
        {
            return sentence;
        }
        // The claim's words are read only for a sentence that may correct something: most have no "not".
        var claimKeys = Words.Tokenize(claim).SelectMany(w => w.ContentKeys).ToHashSet(StringComparer.Ordinal);
        var words = Words.Tokenize(sentence);
        for (var i = words.Count - 1; i > 0; i--)
        {
            if (OpensAt(sentence, words, i) is not { } first)
            {
                continue;
            }
            var end = ClauseEnd(sentence, words[i].Start);
            var corrected = words.Skip(first).TakeWhile(w => w.Start < end).SelectMany(w => w.ContentKeys).ToList();
            if (corrected.Count == 0 || corrected.Any(claimKeys.Contains))
            {
                continue;
            }
            // From the end of the word before the correction: its comma goes with it, the clause mark after it stays.
            var from = words[i - 1].Start + words[i - 1].Length;
            sentence = sentence[..from] + sentence[end..];
            words = Words.Tokenize(sentence);
            i = Math.Min(i, words.Count);
        }
        return sentence;
    }

    /// <summary>
    /// The claim denies what the sentence corrects away, of what the sentence says: "Camels do not store water in their
    /// humps." against "A camel's hump stores fat, not water.", "Ebola does not spread through the air." against "Ebola …
    /// spreads through direct contact with body fluids, not through the air." What the correction adds (its words not said
    /// before the "not") is what the claim denies after its one negation, and every other word of the claim is said before
    /// the "not".
    /// </summary>
    public static bool Agrees(List<ContentWord> claim, string sentence, List<Word> words)
    {
        var not = claim.FindIndex(w => w.IsNegation);
        if (not < 1 || claim.Skip(not + 1).Any(w => w.IsNegation))
        {
            return false;
        }
        var denied = claim.Skip(not + 1).Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
        for (var i = 1; i < words.Count - 1; i++)
        {
            if (!IsContrastingNot(sentence, words, i) || OpensAt(sentence, words, i) is not { } first)
            {
                continue;
            }
            // What the correction adds to the sentence: its words not said before the "not" ("air" of "not through the air").
            var before = words.Take(i).SelectMany(w => w.ContentKeys).ToHashSet(StringComparer.Ordinal);
            var end = ClauseEnd(sentence, words[i].Start);
            var corrected = words.Skip(first).TakeWhile(w => w.Start < end).SelectMany(w => w.ContentKeys)
                .Where(k => !before.Contains(k)).ToHashSet(StringComparer.Ordinal);
            if (corrected.Count == 0 || !corrected.All(denied.Contains) || words.Take(i).Any(w => w.Kind == WordKind.Negation))
            {
                continue;
            }
            if (claim.Where((w, at) => at != not && !corrected.Contains(w.Key)).All(w => before.Contains(w.Key)))
            {
                return true;
            }
        }
        return false;
    }

    private static ReadOnlySpan<char> GapBefore(string sentence, List<Word> words, int i) =>
        sentence.AsSpan(words[i - 1].Start + words[i - 1].Length, words[i].Start - words[i - 1].Start - words[i - 1].Length);

    // A full stop inside "3.5" or after an initial ("U.S.", "J. K.") ends nothing: only one followed by a space or the end does.
    private static int ClauseEnd(string sentence, int from)
    {
        for (var end = sentence.IndexOfAny(ClauseEnds, from); end >= 0; end = sentence.IndexOfAny(ClauseEnds, end + 1))
        {
            var initial = end > 0 && char.IsUpper(sentence[end - 1]) && (end < 2 || !char.IsLetter(sentence[end - 2]));
            if (sentence[end] != '.' || end + 1 == sentence.Length || (char.IsWhiteSpace(sentence[end + 1]) && !initial))
            {
                return end;
            }
        }
        return sentence.Length;
    }
}
