using System.Text.RegularExpressions;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// A claim about what will happen ("Global sea level will rise by more than one metre by 2100.") and a sentence that
/// predicts nothing ("Global mean sea level rose by about 20 centimetres between 1900 and 2018."): a past measurement
/// cannot refute a prediction, though the model reads one (0.34 here). <see cref="VerdictAggregator"/> reads it.
/// </summary>
public static partial class Prediction
{
    [GeneratedRegex(@"\b(?:will|shall|going\s+to)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Future();

    // What a sentence that speaks of the future says: a modal, a projection, a scenario, or a year to come.
    [GeneratedRegex(@"\b(?:will|shall|would|could|may|might|going\s+to|expected|projected|projections?|predicted|predicts?|predictions?|" +
        @"forecasts?|forecasted|scenarios?|future|by\s+(?:20[3-9]\d|2[1-9]\d\d))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SpeaksOfFuture();

    /// <summary>The claim says what will happen and the sentence speaks only of what is or was.</summary>
    public static bool SilentOnFuture(string claim, string sentence) => Future().IsMatch(claim) && !SpeaksOfFuture().IsMatch(sentence);
}
