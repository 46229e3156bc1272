using System.Globalization;
using TruthGraph.Wording;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// The sentence gives the claim's one measured amount, the same in any unit of its kind (<see cref="WordingMatch.MatchesAmount"/>):
/// "Red blood cells in humans last around four months before being broken down." against "A human red blood cell
/// circulates in the body for about 120 days before it is broken down." (the model: contradiction 0.56), "Table salt turns
/// liquid at roughly 800 degrees Celsius." against "… melts at about 801 degrees Celsius." (0.37). The model reads a
/// reworded measurement as a mutated one; the counterpart of <see cref="Unit"/>, which reads the same number in another
/// unit as a change. It holds only where nothing else can be the change: the claim's names and its other numbers are all
/// in the sentence, neither side says "not", "no" or "lack", the claim says no "only", no word of the claim is negated by
/// a prefix or turned into its opposite in the sentence, the amount measures the same dimension where both say which
/// ("high", "deep", "long", "wide"), and the sentence has at least <see cref="MinSharedRest"/> of the claim's other words.
/// On the labelled pairs it agrees with FEVER 11 times of 12 and with RTE 23 of 31 (a figure in digits, "1,000 years", is an
/// amount since the eighth session; only the words "thousand", "million" … multiply). A share in words (<see cref="Fraction"/>,
/// ninth session) adds one CLIMATE-FEVER entailment and one RTE not-entailment ("about three quarters of the … children"
/// for "Three quarters of U.S. illegal immigrants have children.").
/// </summary>
internal static class Amount
{
    /// <summary>Of the claim's words other than its amount, the share the sentence must have to be about the same thing.</summary>
    public const double MinSharedRest = 0.4;

    /// <summary>
    /// Words that round the figure after them ("about 4.54 billion"): those that round a restated figure
    /// (<see cref="ChangedValue.Hedges"/>) and those that may round a sentence's up to the claim's.
    /// </summary>
    private static readonly HashSet<string> Hedges = [.. ChangedValue.Hedges, .. Words.KeysOf("nearly almost")];

    /// <summary>Words that make the figure after them a bound ("more than 90%", "up to 7 metres"), which no figure equals.</summary>
    private static readonly HashSet<string> Bounds = Words.KeysOf("than over under least most to below above exceeding beyond within");

    /// <summary>Claim words that limit what the sentence may add: "The New Jersey Turnpike only has 10 foot lanes".</summary>
    private static readonly HashSet<string> Limiters = Words.KeysOf("only exclusively solely just");

    /// <summary>Words that say which dimension a length or weight measures: "8,849 metres high" is not "8,849 metres deep".</summary>
    private static readonly Dictionary<string, string> Dimensions = BuildDimensions(
        ("height", "tall taller tallest height high higher highest altitude elevation above"),
        ("depth", "deep deeper deepest depth below"),
        ("length", "long longer longest length"),
        ("width", "wide wider widest width broad across"),
        ("thickness", "thick thicker thickest thickness"),
        ("weight", "heavy heavier heaviest weight weigh weighs weighed"),
        ("age", "old older oldest age aged"));

    private static readonly HashSet<string> Multipliers = ["1000", "1000000", "1000000000", "1000000000000"];

    private static readonly string Degree = Words.KeysOf("degrees").Single();

    private static readonly string Percent = Words.KeysOf("percent").Single();

    /// <summary>
    /// One amount: what it measures (a temperature's scale is a kind of its own), its size in the kind's base unit (or on its
    /// scale), the canonical unit it was given in, and where its words are.
    /// </summary>
    /// <param name="Bound">0 for the amount itself; +1 for a least ("one third or more"), −1 for a most ("50 km or less").</param>
    private readonly record struct Measured(string Kind, double Value, string Unit, bool Hedged, int Start, int End, int Bound = 0);

    public static bool Matches(ClaimWording claimWording, SentenceWording sentence) => Compare(claimWording, sentence) == true;

    /// <summary>
    /// The sentence gives the claim's one measured amount otherwise, and nothing else can be the change: the same conditions
    /// as <see cref="Matches"/>, with the sentence's only amount of the kind beyond rounding from the claim's. "Sound travels
    /// at about 1,000 metres per second in air." against "Sound travels through dry air at about 343 metres per second at
    /// 20 degrees Celsius." (the model: support 0.76). Reported as <see cref="WordingMatch.SwapsNumber"/>.
    /// </summary>
    public static bool Conflicts(ClaimWording claimWording, SentenceWording sentence) => Compare(claimWording, sentence) == false;

    /// <summary>True: the sentence gives the claim's amount; false: its one amount of that kind is another; null: neither can be said.</summary>
    private static bool? Compare(ClaimWording claimWording, SentenceWording sentence)
    {
        var (claim, claimTokens) = (claimWording.Words, claimWording.Tokens);
        var (evidence, evidenceTokens) = (sentence.Words, sentence.Tokens);
        if (Of(claimTokens) is not [var amount] || amount.Bound != 0 || claim.Concat(evidence).Any(w => w.IsNegation || Denial.Lacking.Contains(w.Key))
            || claim.Any(w => Limiters.Contains(w.Key)))
        {
            return null;
        }
        // The sentence has the amount: the same figure, or the same rounded where either side hedges it or the units differ;
        // or its one amount of the kind is another figure.
        var ofKind = Of(evidenceTokens).Where(a => a.Kind == amount.Kind).ToList();
        bool? same = ofKind.Any(a => a.Bound == 0 && Same(amount, a)) ? true : ofKind is [var other] && FarApart(amount, other, evidenceTokens) ? false : null;
        if (same is null)
        {
            return null;
        }
        var evidenceKeys = evidence.Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
        // Nothing else can be the change: every other number and every name of the claim is in the sentence, ...
        var amountKeys = claimTokens.Skip(amount.Start).Take(amount.End - amount.Start + 1).SelectMany(w => w.Keys).ToHashSet(StringComparer.Ordinal);
        var numbers = evidence.Where(w => w.IsValue).ToList();
        if (claim.Any(w => w.IsValue && !amountKeys.Contains(w.Key) && !numbers.Any(n => n.Key == w.Key || !ChangedValue.Differs(w, n)))
            || claim.Any(w => w.IsName && !evidenceKeys.Contains(w.Key)))
        {
            return null;
        }
        // ... no claim word is negated or opposed by one of the sentence's ...
        var claimKeys = claim.Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
        if (claim.Where(w => !evidenceKeys.Contains(w.Key)).Any(c => evidence.Where(e => !claimKeys.Contains(e.Key))
                .Any(e => OneChange.Negates(c.Key, e.Key) || OneChange.Negates(e.Key, c.Key) || Opposites.Oppose(Opposites.MeaningOf(c), Opposites.MeaningOf(e)))))
        {
            return null;
        }
        // ... the amount measures the same dimension where both say which ...
        var claimDimensions = claim.Select(w => Dimensions.GetValueOrDefault(w.Key)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var evidenceDimensions = evidence.Select(w => Dimensions.GetValueOrDefault(w.Key)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (claimDimensions.Count > 0 && evidenceDimensions.Count > 0 && !claimDimensions.Overlaps(evidenceDimensions))
        {
            return null;
        }
        // ... and the sentence is about the same thing.
        var rest = claim.Where(w => !w.IsValue && !amountKeys.Contains(w.Key) && !Hedges.Contains(w.Key)).ToList();
        var shared = rest.Count == 0 ? 1 : ClaimCoverage.Of(rest, evidence);
        return shared >= (same == true ? MinSharedRest : MinSharedRestForConflict) ? same : null;
    }

    /// <summary>Of the claim's other words, the share a sentence must have for its other amount to contradict the claim's.</summary>
    public const double MinSharedRestForConflict = 0.75;

    /// <summary>How far apart, relative to the larger, two amounts must be for one to contradict the other (not a rounding of it).</summary>
    public const double MinConflictDifference = 0.2;

    /// <summary>Words before a sentence's amount that make it a point in a span or a limit rather than the measure itself: "By 45,000 years ago".</summary>
    private static readonly HashSet<string> Limits = Words.KeysOf("by since until before after past");

    private static bool FarApart(Measured claim, Measured evidence, List<Word> evidenceTokens)
    {
        var larger = Math.Max(Math.Abs(claim.Value), Math.Abs(evidence.Value));
        // A bound contradicts only an amount on its wrong side: "one third or more" contradicts 5 percent, not 40.
        var wrongSide = evidence.Bound == 0 || Math.Sign(evidence.Value - claim.Value) == evidence.Bound;
        return larger > 0 && wrongSide && Math.Abs(claim.Value - evidence.Value) / larger >= MinConflictDifference
            && !evidenceTokens.Take(evidence.Start).TakeLast(2).Any(w => Limits.Contains(w.Keys[0]));
    }

    /// <summary>How far apart, relative to the larger, the same amount in two units may be: a month is 30.4 days, "four months" 120 days.</summary>
    public const double ConversionTolerance = 0.025;

    /// <summary>
    /// The same figure; or the same rounded where either side hedges it (<see cref="ChangedValue.RoundingTolerance"/>), or
    /// nearly the same where the units differ (<see cref="ConversionTolerance"/>: "four months" and "120 days").
    /// </summary>
    private static bool Same(Measured claim, Measured evidence)
    {
        var larger = Math.Max(Math.Abs(claim.Value), Math.Abs(evidence.Value));
        var difference = larger == 0 ? 0 : Math.Abs(claim.Value - evidence.Value) / larger;
        return difference < 1e-9
            || ((claim.Hedged || evidence.Hedged) && difference <= ChangedValue.RoundingTolerance)
            || (claim.Unit != evidence.Unit && difference <= ConversionTolerance);
    }

    /// <summary>
    /// Each number followed by a unit ("120 days", "4.54 billion years", "801 degrees Celsius", "83.3%") and each share in
    /// words ("one third", <see cref="Fraction"/>); not one after a bound ("more than 90%") or at a range's start ("a
    /// quarter to a third"), and one followed by "or more" or "or less" as that bound.
    /// </summary>
    private static List<Measured> Of(List<Word> tokens)
    {
        var amounts = new List<Measured>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var before = i > 0 ? tokens[i - 1].Keys[0] : null;
            var afterBound = before is not null && Bounds.Contains(before);
            var hedged = before is not null && Hedges.Contains(before);
            if (Fraction.At(tokens, i) is var (share, fractionEnd))
            {
                if (!afterBound)
                {
                    Add(amounts, tokens, new Measured("percent", share * 100, "percent", hedged, i, fractionEnd));
                }
                i = fractionEnd;
                continue;
            }
            // Not a multiplier, "one" ("stands on one foot"), an ordinal ("the 19th century") or a number in a name ("the
            // Hundred Years' War", "Nine Inch Nails").
            var word = tokens[i];
            if (word.Kind != WordKind.Number || (Multipliers.Contains(word.Keys[0]) && !char.IsDigit(word.Text[0])) || word.Keys[0] == "1"
                || (i > 0 && char.IsUpper(word.Text[0])) || (char.IsDigit(word.Text[0]) && char.IsLetter(word.Text[^1]))
                || !double.TryParse(word.Keys[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }
            if (afterBound)
            {
                continue;
            }
            if (tokens[i].Text.EndsWith('%'))
            {
                Add(amounts, tokens, new Measured("percent", value, "percent", hedged, i, i));
                continue;
            }
            var at = i + 1;
            while (at < tokens.Count && tokens[at].Kind == WordKind.Number && Multipliers.Contains(tokens[at].Keys[0]))
            {
                value *= double.Parse(tokens[at].Keys[0], CultureInfo.InvariantCulture);
                at++;
            }
            if (at + 1 < tokens.Count && tokens[at].Keys[0] == Degree && Unit.Of(tokens[at + 1].Keys[0]) is not null)
            {
                at++;
            }
            if (at < tokens.Count && tokens[at].Keys[0] == Percent)
            {
                Add(amounts, tokens, new Measured("percent", value, "percent", hedged, i, at));
            }
            // A one-letter unit ("100 m", "5 s") is read as no unit here: in running text it is as often a letter of something
            // else. A temperature is compared on its own scale; a ton, short or long, with nothing.
            else if (at < tokens.Count && tokens[at].Text.Length > 1 && Unit.Of(tokens[at].Keys[0]) is { } unit)
            {
                if (unit.Size is { } size)
                {
                    Add(amounts, tokens, new Measured(unit.Kind, value * size, unit.Canonical, hedged, i, at));
                }
                else if (unit.Kind == "temperature")
                {
                    Add(amounts, tokens, new Measured(unit.Canonical, value, unit.Canonical, hedged, i, at));
                }
            }
        }
        return amounts;
    }

    private static readonly HashSet<string> More = Words.KeysOf("more over higher greater above");

    private static readonly HashSet<string> Less = Words.KeysOf("less fewer lower under below");

    /// <summary>Adds <paramref name="amount"/> as the words after it make it: a least, a most, or nothing at a range's start.</summary>
    private static void Add(List<Measured> amounts, List<Word> tokens, Measured amount)
    {
        var after = amount.End + 1 < tokens.Count ? tokens[amount.End + 1].Keys[0] : null;
        if (after == "to")
        {
            return;
        }
        var bound = after == "or" && amount.End + 2 < tokens.Count ? tokens[amount.End + 2].Keys[0] : null;
        amounts.Add(amount with { Bound = bound is null ? 0 : More.Contains(bound) ? 1 : Less.Contains(bound) ? -1 : 0 });
    }

    private static Dictionary<string, string> BuildDimensions(params (string Dimension, string Words)[] dimensions) =>
        dimensions.SelectMany(d => Words.KeysOf(d.Words).Select(key => (key, d.Dimension)))
            .DistinctBy(p => p.key).ToDictionary(p => p.key, p => p.Dimension, StringComparer.Ordinal);
}
