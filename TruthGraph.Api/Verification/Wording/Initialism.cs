using System.Text.RegularExpressions;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// A name the claim gives by its initials ("The WTO was established in 1995.") and the sentence writes in full ("The World
/// Trade Organization was established in 1995, …"). The NLI model has no way to know that the two are one name: it read
/// that pair as a contradiction (0.85), and "The ISS completes an orbit of the Earth …" against "The International Space
/// Station circles the Earth …" as neutral. <see cref="SpellOut"/> gives the claim as it would read with the sentence's
/// name in place of the initials, so that the model (and the wording checks) compare like with like; the claim a user
/// typed is stored and shown unchanged.
/// </summary>
public static partial class Initialism
{
    /// <summary>The shortest and longest initialisms read: "UN" to "NASDAQ"; a lone capital ("A", "I") is no initialism.</summary>
    private const int MinLetters = 2, MaxLetters = 6;

    // Initials, optionally plural or possessive: "IPCC", "WTO's", "NGOs". An era beside a number ("218 BC") and a Roman
    // numeral ("World War II") are skipped (BesideNumber, IsRomanNumeral).
    [GeneratedRegex(@"\b(?<letters>\p{Lu}{2,6})(?<tail>'s|’s|s)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex Initials();

    // A run of capitalised words, with the small words a name may hold between them ("Panel on Climate Change",
    // "Bank of England", "Organisation for Economic Co-operation and Development"). A word in capitals is initials
    // itself and ends the run: "NOAA Space Weather Scales" is no name for "NSW".
    [GeneratedRegex(@"(?<![\p{L}\d])\p{Lu}[\p{Ll}’'][\p{L}’'-]*(?:\s+(?:(?:of|on|for|and|the|de|du|des|la|le|von|van|der|für)\s+)*\p{Lu}[\p{Ll}’'][\p{L}’'-]*)+(?![\p{L}\d])",
        RegexOptions.CultureInvariant)]
    private static partial Regex CapitalisedRun();

    private static readonly HashSet<string> SmallWords = new(["of", "on", "for", "and", "the", "de", "du", "des", "la", "le", "von", "van", "der", "für"], StringComparer.Ordinal);

    /// <summary>
    /// The claim as it is compared with <paramref name="sentence"/>: each initialism that the sentence does not use itself
    /// replaced by the name the sentence spells out with those initials, or else by <paramref name="corpusName"/>'s name
    /// for them (the one the claim was embedded with); the claim unchanged when there is none.
    /// </summary>
    public static string SpellOut(string claim, string sentence, Func<string, string?>? corpusName = null)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        // A claim that gives the name itself ("Freedom of Information (FOI) requests") keeps its initials as they are.
        return Replace(claim, letters => Writes(sentence, letters) ? null
            : (NameWithInitials(sentence, letters) ?? corpusName?.Invoke(letters)) is { } name && !claim.Contains(name, StringComparison.OrdinalIgnoreCase) ? name : null);
    }

    /// <summary>
    /// The claim with each initialism replaced by the name <paramref name="nameFor"/> gives for it (a corpus's
    /// <see cref="NamesIn"/>, most written first), for the claim's embedding: "IPCC" is far from "Intergovernmental Panel
    /// on Climate Change" in the embedding space (cosine 0.30 for the claim against the sentence that settles it, 0.80
    /// spelt out), so retrieval would miss the sentence.
    /// </summary>
    public static string Expand(string claim, Func<string, string?> nameFor)
    {
        ArgumentNullException.ThrowIfNull(nameFor);
        return Replace(claim, letters => nameFor(letters) is { } name && !claim.Contains(name, StringComparison.Ordinal) ? name : null);
    }

    /// <summary>Whether <paramref name="text"/> writes the initials themselves ("The IPCC publishes …").</summary>
    public static bool Writes(string text, string letters) => Regex.IsMatch(text, $@"\b{letters}\b", RegexOptions.CultureInvariant);

    /// <summary>The initialisms the claim uses (none for a claim typed in capitals), for looking up their names.</summary>
    public static IReadOnlyList<string> In(string claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return TypedInCapitals(claim) ? [] : Initials().Matches(claim).Where(m => !BesideNumber(claim, m) && !IsRomanNumeral(m.Groups["letters"].Value))
            .Select(m => m.Groups["letters"].Value).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Every name of two or more capitalised words in the sentence, with its initials: "The World Trade Organization was
    /// established …" gives "World Trade Organization" as "WTO" (and its shorter runs, "Trade Organization" as "TO", which
    /// only a claim using those initials would look up).
    /// </summary>
    public static IEnumerable<(string Initials, string Name)> NamesIn(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        foreach (Match run in CapitalisedRun().Matches(sentence))
        {
            var words = run.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            for (var start = 0; start < words.Length; start++)
            {
                if (SmallWords.Contains(words[start]))
                {
                    continue;
                }
                var initials = new System.Text.StringBuilder();
                var capitalised = 0;
                for (var end = start; end < words.Length && initials.Length < MaxLetters; end++)
                {
                    if (SmallWords.Contains(words[end]))
                    {
                        continue;
                    }
                    initials.Append(char.ToUpperInvariant(words[end][0]));
                    if (++capitalised >= MinLetters)
                    {
                        yield return (initials.ToString(), string.Join(' ', words[start..(end + 1)]));
                    }
                }
            }
        }
    }

    private static string Replace(string claim, Func<string, string?> nameFor)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (!Initials().IsMatch(claim) || TypedInCapitals(claim))
        {
            return claim;
        }
        return Initials().Replace(claim, match =>
        {
            var letters = match.Groups["letters"].Value;
            if (letters.Length is < MinLetters or > MaxLetters || IsRomanNumeral(letters) || BesideNumber(claim, match) || nameFor(letters) is not { } name)
            {
                return match.Value;
            }
            var tail = match.Groups["tail"].Value;
            // "NGOs" becomes the plural the sentence writes; a possessive stays one.
            return tail is "s" && name.EndsWith('s') ? name : name + tail;
        });
    }

    // "WATER BOILS AT 100 DEGREES": every word would read as initials.
    private static bool TypedInCapitals(string claim)
    {
        var letters = claim.Where(char.IsLetter).ToList();
        return letters.Count(char.IsUpper) * 2 > letters.Count;
    }

    // "World War II", "Henry VIII": a numeral (of I, V and X only: "CD" and "MD" are initials often enough).
    private static bool IsRomanNumeral(string letters) => letters.All(c => c is 'I' or 'V' or 'X');

    // "218 BC", "AD 79": an era, not a name (a sentence about British Columbia does not make "BC" one).
    private static bool BesideNumber(string claim, Match match) =>
        Regex.IsMatch(claim[..match.Index], @"\d\s*$", RegexOptions.CultureInvariant)
        || Regex.IsMatch(claim[(match.Index + match.Length)..], @"^\s*\d", RegexOptions.CultureInvariant);

    /// <summary>The sentence's name whose capitalised words start with <paramref name="letters"/> in order, or null.</summary>
    private static string? NameWithInitials(string sentence, string letters)
    {
        foreach (Match run in CapitalisedRun().Matches(sentence))
        {
            var words = run.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            // The name may start anywhere in the run ("… the Intergovernmental Panel …" after a capitalised first word of the
            // sentence), but it must start and end with a capitalised word.
            for (var start = 0; start < words.Length; start++)
            {
                if (!char.IsUpper(words[start][0]))
                {
                    continue;
                }
                if (Matches(words, start, letters) is { } end)
                {
                    return string.Join(' ', words[start..(end + 1)]);
                }
            }
        }
        return null;
    }

    /// <summary>
    /// The index of the last word of a name from <paramref name="start"/> whose capitalised words' first letters are
    /// <paramref name="letters"/>, or null. Small words are skipped ("Intergovernmental Panel on Climate Change" is
    /// "IPCC"), or, when that fails, counted ("Department of Energy" is also written "DOE").
    /// </summary>
    private static int? Matches(string[] words, int start, string letters) =>
        Matches(words, start, letters, countSmallWords: false) ?? Matches(words, start, letters, countSmallWords: true);

    private static int? Matches(string[] words, int start, string letters, bool countSmallWords)
    {
        var at = 0;
        for (var i = start; i < words.Length; i++)
        {
            var small = SmallWords.Contains(words[i]);
            if (small && !countSmallWords)
            {
                continue;
            }
            if (char.ToUpperInvariant(words[i][0]) != letters[at])
            {
                return null;
            }
            if (++at == letters.Length)
            {
                // A name ends on a capitalised word: "Bank of" is no name.
                return small ? null : i;
            }
        }
        return null;
    }
}
