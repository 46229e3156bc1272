using System.Text.RegularExpressions;

namespace TruthGraph.CrossEncoderTraining.Data;

/// <summary>
/// Neutral pairs of two claims that say the same kind of thing about different subjects: a supported FEVER claim as
/// the premise, and the nearest other claim by sentence embedding that shares no capitalised word (by its first six letters) with it as the
/// hypothesis ("Canberra is the capital of Australia." / "Ottawa is the capital of Canada."). Stage 3 read such pairs
/// as contradictions with 0.99 confidence: one template with one slot changed is exactly what its mutation data
/// taught it a contradiction looks like. What makes a changed slot a contradiction is that the subject stays the
/// same; these pairs show the case where it does not.
/// </summary>
public static partial class SameTemplateNeutrals
{
    /// <summary>Capitalised words that start sentences or name nothing in particular.</summary>
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "On", "At", "It", "He", "She", "They", "His", "Her", "Their", "There", "This", "That",
        "One", "Only", "Some", "Most", "All", "No", "Not", "As", "By", "Of", "For",
    };

    [GeneratedRegex(@"\b\p{Lu}[\p{L}\p{M}\d'\-]*")]
    private static partial Regex CapitalisedWord();

    /// <param name="pairs">labelled FEVER pairs (premise = evidence, hypothesis = claim)</param>
    /// <param name="claimVectors">L2-normalised embedding of each distinct claim, keyed by its text</param>
    /// <param name="count">neutral pairs wanted (fewer when too few claims have a usable neighbour)</param>
    public static IReadOnlyList<NliPair> Build(IReadOnlyList<NliPair> pairs, IReadOnlyDictionary<string, float[]> claimVectors,
        int count, Random random)
    {
        if (count <= 0)
        {
            return [];
        }
        var claims = SimilarClaimNeutrals.ClaimsWithEvidence(pairs);
        var supported = pairs.Where(p => p.Label == NliLabel.Entailment).Select(p => p.Hypothesis).ToHashSet(StringComparer.Ordinal);
        var neutrals = new List<NliPair>(count);
        foreach (var index in Enumerable.Range(0, claims.Count).OrderBy(_ => random.Next()))
        {
            if (neutrals.Count >= count)
            {
                break;
            }
            var premise = claims[index].Claim;
            if (!supported.Contains(premise) || Names(premise) is not { Count: > 0 } premiseNames)
            {
                continue;
            }
            foreach (var neighbour in SimilarClaimNeutrals.Nearest(claimVectors[premise], claims, claimVectors, index, SimilarClaimNeutrals.Candidates))
            {
                var hypothesis = claims[neighbour].Claim;
                if (Names(hypothesis) is { Count: > 0 } names && !names.Overlaps(premiseNames))
                {
                    neutrals.Add(new NliPair(premise, hypothesis, NliLabel.Neutral));
                    break;
                }
            }
        }
        return neutrals;
    }

    /// <summary>
    /// The capitalised words of a sentence that may be (part of) a name, lower-cased and cut to their first six
    /// letters: a sentence-initial "Microbiologists" and "Microbiologist" name the same subject.
    /// </summary>
    public static HashSet<string> Names(string sentence) =>
        CapitalisedWord().Matches(sentence).Select(m => m.Value).Where(w => !NotNames.Contains(w))
            .Select(w => w.Length > 6 ? w[..6].ToLowerInvariant() : w.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
}
