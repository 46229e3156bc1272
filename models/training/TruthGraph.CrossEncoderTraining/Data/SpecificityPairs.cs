using System.Globalization;
using System.Text.RegularExpressions;

namespace TruthGraph.CrossEncoderTraining.Data;

/// <summary>
/// Pairs that teach which way precision runs, made from supported FEVER claims, for true claims stage 3 refuted
/// because they were less exact than their evidence ("The Berlin Wall came down in November 1989." against "… fell on
/// 9 November 1989": a contradiction) and for evidence that names the wrong answer beside the right one:
/// <list type="bullet">
/// <item><b>A date made coarser.</b> "… born on December 26, 1970" → "… born in December 1970" or "… in 1970":
/// entailed by the evidence and by the exact claim; the exact claim against the coarse one is neutral.</item>
/// <item><b>A number made a bound.</b> "… has 206 bones" → "… more than 200 bones" and "… fewer than 300 bones"
/// (entailment), "… fewer than 200 bones" and "… more than 300 bones" (contradiction), "… about 210 bones"
/// (entailment: the number rounded to two figures).</item>
/// <item><b>"Rather than".</b> "Titanic was directed by James Cameron rather than Steven Spielberg." as the premise:
/// the claim entailed, the claim with the other name contradicted.</item>
/// </list>
/// </summary>
public static partial class SpecificityPairs
{
    public const string Source = "specificity";

    [GeneratedRegex(@"\bon (?:(?<day>\d{1,2}) (?<month>" + ClaimRewordings.Months + @")|(?<month>" + ClaimRewordings.Months + @") (?<day>\d{1,2}),?) (?<year>\d{4})\b")]
    private static partial Regex ExactDate();

    /// <summary>A whole number, not part of a longer token, with no hedge before it ("over 3 million", "about 200").</summary>
    [GeneratedRegex(@"(?<!(?:over|about|around|nearly|almost|than|approximately|roughly|under|least|most|No\.|#|\$|\.|,|\d) ?)\b(?<n>\d{1,3}(?:,\d{3})+|\d+)\b(?![\.,]?\d|-|%|th\b|st\b|nd\b|rd\b|s\b)")]
    private static partial Regex PlainNumber();

    /// <summary>
    /// Up to <paramref name="count"/> supported claims turned into the pairs above (two or three pairs each); the
    /// "rather than" names come from the same slot ("by", "in", …) of the other claims.
    /// </summary>
    public static IReadOnlyList<LabelledPair> Build(IReadOnlyList<NliPair> pairs, int count, Random random)
    {
        var result = new List<LabelledPair>();
        if (count <= 0)
        {
            return result;
        }
        var bySlot = EvidenceClaimMutations.NamesBySlot(pairs)
            .ToDictionary(s => s.Key, s => s.Value.Distinct(StringComparer.Ordinal).ToList(), StringComparer.OrdinalIgnoreCase);
        var used = 0;
        foreach (var pair in pairs.Where(p => p.Label == NliLabel.Entailment).OrderBy(_ => random.Next()))
        {
            if (used >= count)
            {
                break;
            }
            // Dates and numbers first: almost any claim has a name, so "rather than" would otherwise crowd them out.
            var made = CoarserDate(pair, random) ?? NumberBound(pair, random) ?? (random.Next(3) == 0 ? RatherThan(pair, bySlot, random) : null);
            if (made is not null)
            {
                used++;
                result.AddRange(made);
            }
        }
        return result;
    }

    public static IReadOnlyList<LabelledPair>? CoarserDate(NliPair pair, Random random)
    {
        var match = ExactDate().Match(pair.Hypothesis);
        if (!match.Success)
        {
            return null;
        }
        var coarse = random.Next(2) == 0 ? $"in {match.Groups["month"].Value} {match.Groups["year"].Value}" : $"in {match.Groups["year"].Value}";
        var claim = pair.Hypothesis[..match.Index] + coarse + pair.Hypothesis[(match.Index + match.Length)..];
        return
        [
            new(pair.Premise, claim, [NliLabel.Entailment], Source),
            new(pair.Hypothesis, claim, [NliLabel.Entailment], Source),
            new(claim, pair.Hypothesis, [NliLabel.Neutral], Source),
        ];
    }

    public static IReadOnlyList<LabelledPair>? NumberBound(NliPair pair, Random random)
    {
        var match = PlainNumber().Matches(pair.Hypothesis).FirstOrDefault(m => IsCount(m.Groups["n"].Value) && CountsThings(pair.Hypothesis, m));
        if (match is null)
        {
            return null;
        }
        var value = long.Parse(match.Groups["n"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        var bound = RoundDown(value);
        if (bound <= 0 || bound >= value)
        {
            return null;
        }
        string With(string text) => pair.Hypothesis[..match.Index] + text + pair.Hypothesis[(match.Index + match.Length)..];
        // Both words get both answers (a bound below and one above the value): with the lower bound alone, stage 8
        // learned "more than" as a cue for entailment ("Saturn has more moons than Jupiter." came back SUPPORTED).
        var ceiling = RoundUp(value);
        var pairs = new List<LabelledPair>
        {
            new(pair.Premise, With($"more than {Format(bound)}"), [NliLabel.Entailment], Source),
            new(pair.Premise, With($"fewer than {Format(bound)}"), [NliLabel.Contradiction], Source),
            new(pair.Premise, With($"fewer than {Format(ceiling)}"), [NliLabel.Entailment], Source),
            new(pair.Premise, With($"more than {Format(ceiling)}"), [NliLabel.Contradiction], Source),
        };
        var rounded = RoundToTwoFigures(value);
        if (rounded != value && random.Next(2) == 0)
        {
            pairs.Add(new(pair.Premise, With($"about {Format(rounded)}"), [NliLabel.Entailment], Source));
        }
        return pairs;
    }

    public static IReadOnlyList<LabelledPair>? RatherThan(NliPair pair, IReadOnlyDictionary<string, List<string>> bySlot, Random random)
    {
        // Only a name that ends the claim, so "rather than Y" closes the sentence ("… directed by X rather than Y.").
        var candidates = EvidenceClaimMutations.Names(pair.Hypothesis)
            .Where(n => RatherThanSlots.Contains(n.Slot) && bySlot.TryGetValue(n.Slot, out var pool) && pool.Count > 1
                && pair.Hypothesis[(n.Index + n.Name.Length)..].Trim() is "" or "." && !MonthNames.Contains(n.Name))
            .ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        var (slot, name, index) = candidates[random.Next(candidates.Count)];
        var pool = bySlot[slot];
        var other = pool[random.Next(pool.Count)];
        if (MonthNames.Contains(other) || other.Any(char.IsDigit) || other.Equals(name, StringComparison.OrdinalIgnoreCase) || pair.Hypothesis.Contains(other, StringComparison.OrdinalIgnoreCase)
            || pair.Premise.Contains(other, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var end = index + name.Length;
        var premise = pair.Hypothesis[..end] + " rather than " + other + pair.Hypothesis[end..];
        var swapped = pair.Hypothesis[..index] + other + pair.Hypothesis[end..];
        return
        [
            new(premise, pair.Hypothesis, [NliLabel.Entailment], Source),
            new(premise, swapped, [NliLabel.Contradiction], Source),
        ];
    }

    /// <summary>
    /// "206 bones", "97 matches": a number in the sentence followed by a lower-case word that is not a month, and not
    /// after a capitalised word ("Boeing 777", "Top 40", "October 16").
    /// </summary>
    private static bool CountsThings(string sentence, Match number)
    {
        var after = FollowingWord().Match(sentence, number.Index + number.Length);
        var before = EvidenceClaimMutations.PrecedingWord().Match(sentence[..number.Index]);
        return number.Index > 0 && after.Success && !MonthNames.Contains(after.Groups[1].Value)
            && before.Success && !char.IsUpper(before.Groups[1].Value[0]);
    }

    [GeneratedRegex(@"\G ([a-z][a-z\-]*)\b")]
    private static partial Regex FollowingWord();

    private static readonly HashSet<string> MonthNames = new(ClaimRewordings.Months.Split('|'), StringComparer.OrdinalIgnoreCase);

    /// <summary>Slots whose names are people, companies or places, where "rather than" another one reads naturally.</summary>
    private static readonly HashSet<string> RatherThanSlots = new(StringComparer.OrdinalIgnoreCase) { "by", "in", "from", "at" };

    /// <summary>A count worth bounding: at least 10, and not a bare year (1000–2099 without a thousands comma).</summary>
    private static bool IsCount(string text) =>
        long.TryParse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var value)
        && value >= 10 && !(value is >= 1000 and < 2100 && !text.Contains(','));

    /// <summary>The largest "round" number below the value: its leading digit followed by zeros (206 → 200, 23 → 20).</summary>
    private static long RoundDown(long value)
    {
        var magnitude = LeadingDigitMagnitude(value);
        var bound = value / magnitude * magnitude;
        return bound == value ? bound - magnitude : bound;
    }

    /// <summary>The smallest "round" number above the value: its leading digit plus one, followed by zeros (206 → 300, 23 → 30).</summary>
    private static long RoundUp(long value)
    {
        var magnitude = LeadingDigitMagnitude(value);
        return (value / magnitude + 1) * magnitude;
    }

    /// <summary>The place value of the leading digit: 206 → 100, 23 → 10.</summary>
    private static long LeadingDigitMagnitude(long value) => (long)Math.Pow(10, Math.Floor(Math.Log10(value)));

    private static long RoundToTwoFigures(long value)
    {
        var magnitude = (long)Math.Pow(10, Math.Max(0, Math.Floor(Math.Log10(value)) - 1));
        return (long)Math.Round(value / (double)magnitude, MidpointRounding.AwayFromZero) * magnitude;
    }

    private static string Format(long value) => value.ToString(value >= 10_000 ? "#,0" : "0", CultureInfo.InvariantCulture);
}
