using System.Text.RegularExpressions;

namespace TruthGraph.CrossEncoderTraining.Data;

/// <summary>
/// Pairs in which evidence and claim carry the same negation, for the true claims the shipped model refuted
/// ("Sound cannot travel through a vacuum." against "Sound cannot travel through a vacuum because it needs a medium…":
/// contradiction 0.70; models/README.md, "True claims that say not"). Every other negation in the training mix sits on
/// one side only, so the model learnt "a 'not' near a close sentence means contradiction". From a FEVER claim C and its
/// negation N (<see cref="ClaimMutations.Negate"/>):
/// <list type="bullet">
/// <item><b>Agreement</b> (entailment): N stated in one surface form ("is not", "cannot", "does not have a") against N
/// in another ("isn't", "can't", "has no"). When FEVER refutes C, its evidence supports N and follows N in the
/// premise, so the premise reads like a corpus sentence that says "not" and gives the reason.</item>
/// <item><b>The positive claim</b> (contradiction) against a premise that gives the evidence: the "not" still decides.</item>
/// <item><b>Another number</b> (neutral): N with one number changed, against N alone. "X was not released in 1995"
/// settles nothing about 2004, so two negations are not a cue for entailment either.</item>
/// </list>
/// </summary>
public static partial class NegationAgreements
{
    public const string Source = "negation-agreements";

    /// <summary>Each negated form with the other ways of saying it; the first entry is what <see cref="ClaimMutations.Negate"/> writes.</summary>
    private static readonly (Regex Find, string[] Forms)[] SurfaceForms =
    [
        (NegatedHaveWithArticle(), ["does not have ${article}", "doesn't have ${article}", "has no "]),
        (new(@"\bdoes not have\b"), ["does not have", "doesn't have"]),
        (new(@"\bcannot\b"), ["cannot", "can't", "can not"]),
        (new(@"\bis not\b"), ["is not", "isn't"]),
        (new(@"\bare not\b"), ["are not", "aren't"]),
        (new(@"\bwas not\b"), ["was not", "wasn't"]),
        (new(@"\bwere not\b"), ["were not", "weren't"]),
        (new(@"\bwill not\b"), ["will not", "won't"]),
    ];

    [GeneratedRegex(@"\bdoes not have (?<article>(?:a|an|any) )")]
    private static partial Regex NegatedHaveWithArticle();

    [GeneratedRegex(@"\b(not|cannot)\b|n't\b")]
    private static partial Regex AnyNegation();

    /// <summary>
    /// Pairs from up to <paramref name="claims"/> FEVER claims (one to three each). Neutral FEVER pairs and claims
    /// that already carry a negation or a quantifier are left out.
    /// </summary>
    /// <param name="nameSwaps">Also N with one name swapped, against N alone (neutral): see the remarks.</param>
    /// <remarks>
    /// The agreements alone cost a changed name on the contrast set (13 to 10 of 18, models/README.md, stage 11):
    /// two sentences that differ only in how they say "not" teach that nearly the same words entail. "X was not
    /// directed by Y" settles nothing about Z, so the swapped name is neutral; only against N alone, since a refuted
    /// claim's evidence names the right person, which entails the negation with any other name.
    /// </remarks>
    public static IReadOnlyList<NliPair> Build(IReadOnlyList<NliPair> fever, int claims, Random random, bool nameSwaps = false)
    {
        var pairs = new List<NliPair>();
        if (claims <= 0)
        {
            return pairs;
        }
        var namesBySlot = nameSwaps ? EvidenceClaimMutations.NamesBySlot(fever) : [];
        var used = 0;
        foreach (var pair in fever.Where(p => p.Label != NliLabel.Neutral).OrderBy(_ => random.Next()))
        {
            if (used >= claims)
            {
                break;
            }
            var claim = pair.Hypothesis;
            if (AnyNegation().IsMatch(claim) || EvidenceClaimMutations.IsUnflippable(claim)
                || ClaimMutations.Negate(claim) is not { } negated || !AnyNegation().IsMatch(negated))
            {
                continue;
            }
            var forms = Forms(negated);
            var stated = forms[random.Next(forms.Count)];
            var others = forms.Where(f => f != stated).ToList();
            var restated = others.Count > 0 ? others[random.Next(others.Count)] : stated;
            // FEVER refutes the claim: its evidence supports the negation and may follow it as the reason.
            var withEvidence = pair.Label == NliLabel.Contradiction;
            var premise = withEvidence ? EndSentence(stated) + " " + pair.Premise : stated;
            if (premise == restated)
            {
                continue;
            }
            used++;
            pairs.Add(new NliPair(premise, restated, NliLabel.Entailment));
            if (withEvidence)
            {
                // Only where the premise also gives the evidence: the bare negation against the claim is what the
                // mutations already teach, and more of it would feed the contradiction bias this source is for.
                pairs.Add(new NliPair(premise, claim, NliLabel.Contradiction));
            }
            // Only where the premise is the bare negation: FEVER's evidence for a refuted claim usually names the
            // right number, and then the negation with any other number is entailed, not neutral.
            if (!withEvidence && ClaimMutations.ChangeNumber(claim, random) is { } otherNumber
                && ClaimMutations.Negate(otherNumber) is { } otherNegated)
            {
                var otherForms = Forms(otherNegated);
                pairs.Add(new NliPair(premise, otherForms[random.Next(otherForms.Count)], NliLabel.Neutral));
            }
            if (nameSwaps && !withEvidence && EvidenceClaimMutations.SwapName(restated, premise, namesBySlot, random) is { } otherName)
            {
                pairs.Add(new NliPair(premise, otherName, NliLabel.Neutral));
            }
        }
        return pairs;
    }

    private static string EndSentence(string sentence)
    {
        var trimmed = sentence.TrimEnd();
        return trimmed.EndsWith('.') ? trimmed : trimmed + ".";
    }

    /// <summary>The sentence with its first negation written each way it can be, the given form first.</summary>
    public static IReadOnlyList<string> Forms(string negated)
    {
        foreach (var (find, forms) in SurfaceForms)
        {
            var match = find.Match(negated);
            if (match.Success)
            {
                var article = match.Groups["article"].Value;
                return forms
                    .Select(f => negated[..match.Index] + f.Replace("${article}", article, StringComparison.Ordinal) + negated[(match.Index + match.Length)..])
                    .Distinct(StringComparer.Ordinal)
                    .ToList();
            }
        }
        return [negated];
    }
}
