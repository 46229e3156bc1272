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
    /// <summary>
    /// Units by what they measure, each spelling with the key of its canonical unit and its size in the kind's base unit
    /// (seconds, metres, kilograms); none where no one size holds (a ton, short or long) or the scales do not convert by a
    /// factor (temperatures).
    /// </summary>
    private static readonly Dictionary<string, UnitOf> Units = Build(
        ("time", [("second seconds sec secs s", 1), ("minute minutes min mins", 60), ("hour hours hr hrs h", 3_600),
            ("day days", 86_400), ("week weeks", 604_800), ("month months", 2_629_800), ("year years yr yrs", 31_557_600),
            ("decade decades", 315_576_000), ("century centuries", 3_155_760_000)]),
        ("length", [("millimetre millimetres millimeter millimeters mm", 0.001), ("centimetre centimetres centimeter centimeters cm", 0.01),
            ("metre metres meter meters m", 1), ("kilometre kilometres kilometer kilometers km", 1_000), ("mile miles mi", 1_609.344),
            ("foot feet ft", 0.3048), ("inch inches", 0.0254), ("yard yards yd", 0.9144)]),
        ("mass", [("gram grams g", 0.001), ("kilogram kilograms kg", 1), ("tonne tonnes t", 1_000), ("ton tons", null),
            ("pound pounds lb lbs", 0.45359237), ("ounce ounces oz", 0.028349523125)]),
        ("temperature", [("celsius", null), ("fahrenheit", null), ("kelvin", null)]),
        // SI units of electricity, energy and the like, by their names only: their one-letter symbols ("A", "V", "W", "J")
        // are words or initials as often, and "bar" or "atmosphere" are ordinary words.
        ("electric current", [("ampere amperes amp amps", 1), ("milliampere milliamperes mA", 0.001)]),
        ("voltage", [("volt volts", 1), ("kilovolt kilovolts kV", 1_000), ("millivolt millivolts mV", 0.001)]),
        ("resistance", [("ohm ohms", 1)]),
        ("charge", [("coulomb coulombs", 1)]),
        ("power", [("watt watts", 1), ("kilowatt kilowatts kW", 1e3), ("megawatt megawatts MW", 1e6), ("gigawatt gigawatts GW", 1e9),
            ("horsepower", null)]),
        ("energy", [("joule joules", 1), ("kilojoule kilojoules kJ", 1e3), ("calorie calories", 4.184), ("kilocalorie kilocalories kcal", 4_184)]),
        ("force", [("newton newtons", 1)]),
        ("pressure", [("pascal pascals Pa", 1), ("kilopascal kilopascals kPa", 1e3)]),
        ("frequency", [("hertz Hz", 1), ("kilohertz kHz", 1e3), ("megahertz MHz", 1e6), ("gigahertz GHz", 1e9)]),
        ("area", [("hectare hectares", 1e4), ("acre acres", 4_046.8564224)]),
        ("volume", [("litre litres liter liters", 1), ("millilitre millilitres milliliter milliliters ml", 0.001), ("gallon gallons", null)]));

    /// <summary>What a unit measures, its canonical spelling's key, and its size in the kind's base unit where it has one.</summary>
    internal readonly record struct UnitOf(string Kind, string Canonical, double? Size);

    /// <summary>What the unit keyed <paramref name="key"/> measures ("time", "length", "voltage", …), or null.</summary>
    public static string? KindOf(string key) => Units.TryGetValue(key, out var unit) ? unit.Kind : null;

    /// <summary>The unit keyed <paramref name="key"/>, or null where the word is no unit.</summary>
    internal static UnitOf? Of(string key) => Units.TryGetValue(key, out var unit) ? unit : null;

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
    private static List<(string Value, UnitOf Unit, int Start, int End)> Amounts(List<ContentWord> words)
    {
        var amounts = new List<(string, UnitOf, int, int)>();
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

    private static Dictionary<string, UnitOf> Build(params (string Kind, (string Spellings, double? Size)[] Units)[] kinds)
    {
        var units = new Dictionary<string, UnitOf>(StringComparer.Ordinal);
        foreach (var (kind, spellings) in kinds)
        {
            foreach (var (unit, size) in spellings)
            {
                var keys = Words.Tokenize(unit).Select(w => w.Keys[0]).ToList();
                foreach (var key in keys)
                {
                    units.TryAdd(key, new UnitOf(kind, keys[0], size));
                }
            }
        }
        return units;
    }
}
