using System.Text.RegularExpressions;

namespace TruthGraph.CrossEncoderTraining.Data;

/// <summary>
/// Supported FEVER claims whose subject is replaced by the subject of a similar claim, against the original
/// evidence: "Yuri Gagarin was the first human in space" becomes "Neil Armstrong was the first human in space".
/// Stage 3 read such claims as entailed (87 %): the evidence matches every word but the subject. Whether the swapped
/// claim is contradicted or merely not settled depends on whether the relation is unique (one first human in space,
/// many American actors), which no rule can tell, so the gold answer is the set {neutral, contradiction}: anything
/// but entailment (the loss of RTE's "not_entailment").
/// </summary>
public static partial class SubjectSwaps
{
    public const string Source = "subject-swaps";

    /// <summary>A leading run of capitalised words, allowing "of", "the", "de", "von", "van", "and" inside.</summary>
    [GeneratedRegex(@"^\p{Lu}[\p{L}\p{M}\d'\-\.]*(?:\s+(?:(?:of|the|de|von|van|and|la|du)\s+)?\p{Lu}[\p{L}\p{M}\d'\-\.]*)*")]
    private static partial Regex LeadingName();

    /// <param name="pairs">labelled FEVER pairs (premise = evidence, hypothesis = claim)</param>
    /// <param name="claimVectors">L2-normalised embedding of each distinct claim, keyed by its text</param>
    /// <param name="count">swapped claims wanted</param>
    public static IReadOnlyList<LabelledPair> Build(IReadOnlyList<NliPair> pairs, IReadOnlyDictionary<string, float[]> claimVectors,
        int count, Random random)
    {
        if (count <= 0)
        {
            return [];
        }
        var claims = SimilarClaimNeutrals.ClaimsWithEvidence(pairs);
        var indexOf = claims.Select((c, i) => (c.Claim, i)).ToDictionary(x => x.Claim, x => x.i, StringComparer.Ordinal);
        var swaps = new List<LabelledPair>(count);
        foreach (var pair in pairs.Where(p => p.Label == NliLabel.Entailment).OrderBy(_ => random.Next()))
        {
            if (swaps.Count >= count)
            {
                break;
            }
            // The evidence must be about the claim's subject, or the swap would not change what the pair is about; the
            // new subject must not occur in it, and the swapped claim must not be one of FEVER's own (labelled) claims.
            if (Subject(pair.Hypothesis) is not { } subject || !pair.Premise.Contains(subject, StringComparison.Ordinal))
            {
                continue;
            }
            var self = indexOf[pair.Hypothesis];
            var premiseLetters = Letters(pair.Premise);
            foreach (var neighbour in SimilarClaimNeutrals.Nearest(claimVectors[pair.Hypothesis], claims, claimVectors, self, SimilarClaimNeutrals.Candidates))
            {
                if (Subject(claims[neighbour].Claim) is { } other
                    && !other.Contains(subject, StringComparison.OrdinalIgnoreCase)
                    && !subject.Contains(other, StringComparison.OrdinalIgnoreCase)
                    && !premiseLetters.Contains(Letters(other), StringComparison.Ordinal)
                    && other + pair.Hypothesis[subject.Length..] is var swapped
                    && !indexOf.ContainsKey(swapped))
                {
                    swaps.Add(new LabelledPair(pair.Premise, swapped, [NliLabel.Neutral, NliLabel.Contradiction], Source));
                    break;
                }
            }
        }
        return swaps;
    }

    /// <summary>Letters and digits only, lower-cased: FEVER's evidence is tokenized ("Girls ' Generation"), its claims are not.</summary>
    internal static string Letters(string text) =>
        string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    /// <summary>The claim's leading name ("Neil Armstrong", "The Beatles"), or null when it does not start with one.</summary>
    public static string? Subject(string claim)
    {
        var match = LeadingName().Match(claim);
        if (!match.Success)
        {
            return null;
        }
        var name = match.Value.TrimEnd('.');
        // "The", "In 1990" and the like start a sentence without naming its subject.
        return SameTemplateNeutrals.Names(name).Count == 0 ? null : name;
    }
}
