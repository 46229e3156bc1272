using TruthGraph.Wording;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// The claim's number in another unit of the same kind (<see cref="WordingMatch.SwapsUnit"/>): "Sunlight takes about
/// eight hours to reach Earth." against "Light from the Sun takes about 8 minutes and 20 seconds to reach Earth." (the
/// model: support 0.90), "Water boils at 100 degrees Fahrenheit at sea level." against "… at 100 degrees Celsius …". A
/// wrong unit is a wrong number that keeps its digits, so <see cref="OneChange"/>, which compares keys, sees no change.
/// </summary>
internal static class Unit
{
    /// <summary>Units by what they measure, each spelling with the key of its canonical unit.</summary>
    private static readonly Dictionary<string, (string Kind, string Canonical)> Units = Build(
        ("time", ["second seconds sec secs s", "minute minutes min mins", "hour hours hr hrs h", "day days", "week weeks",
            "month months", "year years yr yrs", "decade decades", "century centuries"]),
        ("length", ["millimetre millimetres millimeter millimeters mm", "centimetre centimetres centimeter centimeters cm",
            "metre metres meter meters m", "kilometre kilometres kilometer kilometers km", "mile miles mi",
            "foot feet ft", "inch inches", "yard yards yd"]),
        ("mass", ["gram grams g", "kilogram kilograms kg", "tonne tonnes t", "ton tons", "pound pounds lb lbs",
            "ounce ounces oz"]),
        ("temperature", ["celsius", "fahrenheit", "kelvin"]));

    /// <summary>What the unit keyed <paramref name="key"/> measures ("time", "length", "mass", "temperature"), or null.</summary>
    public static string? KindOf(string key) => Units.TryGetValue(key, out var unit) ? unit.Kind : null;

    private static readonly string Degree = Words.KeysOf("degrees").Single();

    /// <summary>Of the claim's words other than its number and unit, the share the sentence must have to be about the same thing.</summary>
    public const double MinSharedRest = 0.5;

    public static bool Swaps(List<ContentWord> claim, List<ContentWord> evidence)
    {
        var claimAmounts = Amounts(claim);
        if (claimAmounts.Count != 1 || claim.Any(w => w.IsNegation))
        {
            return false;
        }
        var (value, unit, start, end) = claimAmounts[0];
        var evidenceAmounts = Amounts(evidence);
        // The sentence gives the claim's number in another unit of the same kind, and the claim's unit nowhere.
        if (!evidenceAmounts.Any(a => a.Value == value && a.Unit.Kind == unit.Kind && a.Unit.Canonical != unit.Canonical)
            || evidenceAmounts.Any(a => a.Unit.Canonical == unit.Canonical))
        {
            return false;
        }
        var rest = claim.Where((_, i) => i < start || i > end).ToList();
        return rest.Count > 0 && ClaimCoverage.Of(rest, evidence) >= MinSharedRest;
    }

    /// <summary>Each number followed by a unit ("8 minutes", "100 degrees Celsius"), with the words it spans.</summary>
    private static List<(string Value, (string Kind, string Canonical) Unit, int Start, int End)> Amounts(List<ContentWord> words)
    {
        var amounts = new List<(string, (string, string), int, int)>();
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i].Kind != WordKind.Number)
            {
                continue;
            }
            var at = i + 1;
            // "100 degrees Celsius": the scale after "degrees" is the unit.
            if (words[at].Key == Degree && at + 1 < words.Count && Units.TryGetValue(words[at + 1].Key, out var scale) && scale.Kind == "temperature")
            {
                amounts.Add((words[i].Key, scale, i, at + 1));
            }
            else if (!words[at].FollowsClauseMark && Units.TryGetValue(words[at].Key, out var unit))
            {
                amounts.Add((words[i].Key, unit, i, at));
            }
        }
        return amounts;
    }

    private static Dictionary<string, (string Kind, string Canonical)> Build(params (string Kind, string[] Units)[] kinds)
    {
        var units = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var (kind, spellings) in kinds)
        {
            foreach (var unit in spellings)
            {
                var keys = Words.Tokenize(unit).Select(w => w.Keys[0]).ToList();
                foreach (var key in keys)
                {
                    units.TryAdd(key, (kind, keys[0]));
                }
            }
        }
        return units;
    }
}
