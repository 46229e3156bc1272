using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace TruthGraph.Wording;

/// <summary>What a word is, for the kinds of change a fact-checker is usually tested with.</summary>
internal enum WordKind
{
    Number,
    Date,
    Name,
    Negation,
    Word,
}

/// <summary>
/// One word of a text: where it is, and the normalised keys it is compared by (lower case, light suffix stripping,
/// number words as digits, every negation word as "not"; "cannot" has two keys, "can" and "not").
/// </summary>
internal sealed record Word(int Start, int Length, string Text, IReadOnlyList<string> Keys, WordKind Kind)
{
    /// <summary>
    /// The keys that carry content: all but the function words ("can" in "cannot" is one). A date's or number's key always
    /// counts: "May" the month shares its key with "may" the verb.
    /// </summary>
    public IEnumerable<string> ContentKeys =>
        Kind is WordKind.Date or WordKind.Number ? Keys : Keys.Where(k => !WordLists.FunctionWords.Contains(k));

    /// <summary>True when none of its keys carries content of its own ("the", "has", "can" on its own).</summary>
    public bool IsFunctionWord => !ContentKeys.Any();

    /// <summary>An abbreviation in capitals ("US", "UK", "NASA"), which often stands for a longer name of the same thing.</summary>
    public bool IsAbbreviation => Text.Length >= 2 && Text.All(char.IsUpper);
}

/// <summary>
/// Cuts English text into <see cref="Word"/>s. Compiled into the API, which reads a claim's wording against evidence
/// when it decides (<c>Verification/WordingCheck.cs</c>), and linked into the dashboard, which highlights what differs;
/// one copy, so that what is shown and what decided cannot drift apart.
/// Hand-written: the only NLP packages on offer (Catalyst) bring a 100 MB language model for what a few rules do here.
/// </summary>
internal static partial class Words
{
    [GeneratedRegex(@"\d+(?:[.,:]\d+)*(?:%|st|nd|rd|th|s)?|[\p{L}\p{M}]+(?:['’][\p{L}]+)*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    /// <summary>The first key of each word of <paramref name="words"/>: a word list keyed as the tokenizer keys text, every inflection it folds included.</summary>
    public static HashSet<string> KeysOf(string words) => Tokenize(words).Select(w => w.Keys[0]).ToHashSet(StringComparer.Ordinal);

    public static List<Word> Tokenize(string text)
    {
        var words = new List<Word>();
        foreach (Match match in WordPattern().Matches(text))
        {
            var isFirst = words.Count == 0;
            var (keys, kind) = Classify(match.Value, isFirst);
            words.Add(new Word(match.Index, match.Length, match.Value, keys, kind));
        }
        return words;
    }

    private static (IReadOnlyList<string> Keys, WordKind Kind) Classify(string word, bool isFirstWord)
    {
        var lower = WithoutAccents(word.ToLowerInvariant().Replace('’', '\''));
        if (char.IsDigit(lower[0]))
        {
            var digits = lower.Replace(",", "").TrimEnd('%', 's');
            foreach (var suffix in new[] { "st", "nd", "rd", "th" })
            {
                digits = digits.EndsWith(suffix, StringComparison.Ordinal) ? digits[..^suffix.Length] : digits;
            }
            // A year is written without a thousands comma ("1,517 lives" is a count). A decade ("1990s") keeps its "s":
            // it is a span of years, not the year 1990.
            var isYear = !lower.Contains(',') && digits.Length == 4 && int.TryParse(digits, out var year) && year is >= 1000 and < 2200;
            if (isYear && lower.EndsWith('s') && digits.EndsWith('0'))
            {
                return ([digits + "s"], WordKind.Date);
            }
            return ([digits], isYear ? WordKind.Date : WordKind.Number);
        }
        if (WordLists.Negations.TryGetValue(lower, out var negated))
        {
            return (negated is null ? [WordLists.NegationKey] : [negated, WordLists.NegationKey], WordKind.Negation);
        }
        if (WordLists.NumberWords.TryGetValue(lower, out var number))
        {
            return ([number], WordKind.Number);
        }
        // "may" is a month only with a capital: "It may rain" is not a date.
        if (WordLists.Months.Contains(lower) && (lower != "may" || char.IsUpper(word[0])))
        {
            return ([lower], WordKind.Date);
        }
        if (lower.EndsWith("'s", StringComparison.Ordinal))
        {
            lower = lower[..^2];
        }
        // A capital at the start of a sentence says nothing; elsewhere it marks a name ("Ottawa", "Einstein").
        var isName = char.IsUpper(word[0]) && (!isFirstWord || !WordLists.FunctionWords.Contains(lower));
        // Function words keep their spelling: the list is of whole words, and stripping "have" to "hav" would lose it. So
        // does a word whose stem would be one ("Andes" is not "and").
        var key = WordLists.FunctionWords.Contains(lower) || WordLists.FunctionWords.Contains(Stem(lower)) ? lower : Stem(lower);
        return ([key], isName ? WordKind.Name : WordKind.Word);
    }

    /// <summary>"sánchez" as "sanchez", "poincaré" as "poincare": the same name with or without its accents.</summary>
    private static string WithoutAccents(string word)
    {
        if (word.All(char.IsAscii))
        {
            return word;
        }
        var decomposed = word.Normalize(NormalizationForm.FormD);
        return string.Concat(decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)).Normalize(NormalizationForm.FormC);
    }

    /// <summary>Strips the commonest English inflections, so that "travels" matches "travel" and "caused" matches "causes".</summary>
    private static string Stem(string word)
    {
        if (word.Length <= 3)
        {
            return word;
        }
        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }
        foreach (var suffix in new[] { "ing", "ed", "es", "s" })
        {
            // "-ss" and "-us" are no plural: "glass", "virus" and "octopus" keep their s, so that "octopuses" meets "octopus".
            if (word.EndsWith(suffix, StringComparison.Ordinal) && word.Length - suffix.Length >= 3
                && !word.EndsWith("ss", StringComparison.Ordinal) && !(suffix == "s" && word.EndsWith("us", StringComparison.Ordinal)))
            {
                var stem = word[..^suffix.Length];
                // "caused" → "caus" and "causes" → "caus" meet; "cause" is trimmed the same way below.
                return stem.EndsWith('e') ? stem[..^1] : stem;
            }
        }
        return word.EndsWith('e') ? word[..^1] : word;
    }
}
