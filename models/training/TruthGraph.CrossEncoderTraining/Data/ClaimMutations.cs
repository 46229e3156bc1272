using System.Globalization;
using System.Text.RegularExpressions;

namespace TruthGraph.CrossEncoderTraining.Data;

/// <summary>
/// Contradictions made from true sentences by the two mutations users try first: a negation put in or taken out
/// ("can" / "cannot", "is" / "is not") and a changed number or year. Each mutation is paired both ways (the true
/// sentence as evidence, the mutated one as claim, and the reverse), so that the model learns that a negation in the
/// evidence contradicts a claim without one as well as the other way round: FEVER's refuted claims carry the
/// negation almost always on the claim's side, and a model trained on them alone reads "Sound cannot travel…" as
/// support for "Sound can travel…".
/// </summary>
public static partial class ClaimMutations
{
    private static readonly (Regex Find, string Replace)[] Negations =
    [
        (new(@"\bcannot\b"), "can"), (new(@"\bcan not\b"), "can"), (new(@"\bcan\b"), "cannot"),
        (new(@"\bis not\b"), "is"), (new(@"\bisn't\b"), "is"), (new(@"\bis\b"), "is not"),
        (new(@"\bare not\b"), "are"), (new(@"\baren't\b"), "are"), (new(@"\bare\b"), "are not"),
        (new(@"\bwas not\b"), "was"), (new(@"\bwasn't\b"), "was"), (new(@"\bwas\b"), "was not"),
        (new(@"\bwere not\b"), "were"), (new(@"\bwere\b"), "were not"),
        (new(@"\bdoes not have\b"), "has"), (new(@"\bhas\b"), "does not have"),
        (new(@"\bwill not\b"), "will"), (new(@"\bwill\b"), "will not"),
    ];

    [GeneratedRegex(@"\b\d{1,4}(?:[.,]\d+)?\b")]
    private static partial Regex Number();

    /// <summary>Up to <paramref name="count"/> contradiction pairs (two per mutated sentence) from the given true sentences.</summary>
    public static IReadOnlyList<NliPair> Build(IEnumerable<string> trueSentences, int count, Random random)
    {
        var pairs = new List<NliPair>(count);
        foreach (var sentence in trueSentences.Distinct(StringComparer.Ordinal).OrderBy(_ => random.Next()))
        {
            if (pairs.Count + 2 > count)
            {
                break;
            }
            var mutated = random.Next(2) == 0 ? Negate(sentence) ?? ChangeNumber(sentence, random) : ChangeNumber(sentence, random) ?? Negate(sentence);
            if (mutated is null || mutated == sentence)
            {
                continue;
            }
            pairs.Add(new NliPair(sentence, mutated, NliLabel.Contradiction));
            pairs.Add(new NliPair(mutated, sentence, NliLabel.Contradiction));
        }
        return pairs;
    }

    /// <summary>The sentence with its first negatable verb flipped, or null when it has none.</summary>
    public static string? Negate(string sentence)
    {
        foreach (var (find, replace) in Negations)
        {
            var match = find.Match(sentence);
            if (match.Success)
            {
                var result = sentence[..match.Index] + replace + sentence[(match.Index + match.Length)..];
                return Regex.Replace(result, @"\s{2,}", " ").Trim();
            }
        }
        return null;
    }

    /// <summary>The sentence with one number changed (a year by a few years to decades, other numbers scaled), or null.</summary>
    public static string? ChangeNumber(string sentence, Random random)
    {
        var numbers = Number().Matches(sentence);
        if (numbers.Count == 0)
        {
            return null;
        }
        var match = numbers[random.Next(numbers.Count)];
        if (!double.TryParse(match.Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }
        var isYear = match.Value.Length == 4 && value is >= 1000 and <= 2100;
        var changed = isYear
            ? value + (random.Next(2) == 0 ? -1 : 1) * random.Next(3, 40)
            : Math.Max(0, Math.Round(value * (random.Next(2) == 0 ? 0.5 : 2) + (value < 2 ? 3 : 0)));
        if (changed == value)
        {
            return null;
        }
        return sentence[..match.Index] + changed.ToString(CultureInfo.InvariantCulture) + sentence[(match.Index + match.Length)..];
    }
}
