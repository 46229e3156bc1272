using System.Text.RegularExpressions;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// Capitals for a claim typed all in lower case ("sydney is the capital of australia"), so that the wording checks can
/// tell its names: the first word, and each word that the retrieved evidence writes with a capital inside a sentence
/// ("Australia"). The NLI model reads text without case, so only the checks need this; a word that no evidence
/// capitalises stays as typed, and a claim with any capital is left alone.
/// </summary>
public static partial class ClaimCasing
{
    [GeneratedRegex(@"\p{L}[\p{L}'’-]*", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    // A capitalised word after another word (not after a sentence's end): "Australia" in "the capital city of Australia".
    [GeneratedRegex(@"(?<=[\p{L}\d,;:)]\s+)\p{Lu}[\p{L}'’-]*", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalisedInside();

    public static string Restore(string claim, IEnumerable<string> evidence)
    {
        if (claim.Any(char.IsUpper))
        {
            return claim;
        }
        var names = evidence.SelectMany(text => CapitalisedInside().Matches(text).Select(m => m.Value.ToLowerInvariant()))
            .ToHashSet(StringComparer.Ordinal);
        var first = true;
        return Word().Replace(claim, match =>
        {
            var capitalise = first || names.Contains(match.Value);
            first = false;
            return capitalise ? char.ToUpperInvariant(match.Value[0]) + match.Value[1..] : match.Value;
        });
    }
}
