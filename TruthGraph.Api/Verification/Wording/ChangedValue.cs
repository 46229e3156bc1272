using System.Globalization;
using TruthGraph.Wording;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// Whether two numbers or dates that stand in the same place of two otherwise equal sentences say different things: a
/// year or a month that differs at all, a quantity that differs by more than rounding ("8,849" against "8,848.86", or
/// "3.14" against "3.14159", agree).
/// </summary>
internal static class ChangedValue
{
    /// <summary>How far apart, relative to the larger, two quantities may be and still be the same figure rounded.</summary>
    public const double RoundingTolerance = 0.05;

    /// <summary>
    /// Words by which a figure is said to be rounded ("roughly 4.5 billion", "about 4.54 billion"): such a figure and another
    /// within <see cref="RoundingTolerance"/> may be the same (<see cref="Restatement"/>, <see cref="Amount"/>).
    /// </summary>
    internal static readonly HashSet<string> Hedges = Words.KeysOf("roughly approximately circa around about some");

    public static bool Differs(ContentWord claim, ContentWord evidence)
    {
        if (!claim.IsValue || !evidence.IsValue)
        {
            return false;
        }
        var claimIsValue = double.TryParse(claim.Key, NumberStyles.Float, CultureInfo.InvariantCulture, out var a);
        var evidenceIsValue = double.TryParse(evidence.Key, NumberStyles.Float, CultureInfo.InvariantCulture, out var b);
        if (!claimIsValue || !evidenceIsValue)
        {
            // Two months ("June" against "July") or two decades ("1960s" against "1970s") differ; a month against a number,
            // or a decade against a month or a year in it ("the 1970s" against "April 23, 1978"), is no comparison.
            return claim.Key != evidence.Key
                && ((WordLists.Months.Contains(claim.Key) && WordLists.Months.Contains(evidence.Key)) || (IsDecade(claim.Key) && IsDecade(evidence.Key)));
        }
        if (claim.Kind == WordKind.Date && evidence.Kind == WordKind.Date)
        {
            return a != b;
        }
        var larger = Math.Max(Math.Abs(a), Math.Abs(b));
        return larger > 0 && Math.Abs(a - b) / larger > RoundingTolerance;
    }

    private static bool IsDecade(string key) => key.Length == 5 && key.EndsWith("0s", StringComparison.Ordinal);
}
