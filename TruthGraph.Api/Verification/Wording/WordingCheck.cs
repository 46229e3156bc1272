using System.Text.RegularExpressions;
using TruthGraph.Wording;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// Word-level readings that overrule the NLI model where it is reliably wrong on near-copies of the claim
/// (models/README.md, "Wording checks"). The cross-encoder reads a "not" on the claim's side as a contradiction even
/// when the evidence says the same "not" (0.99 for "Diamonds do not dissolve in water." against "Diamonds do not dissolve
/// in water or in common acids."), and reads a sentence as support when every word matches but one name, one negating
/// prefix, or the order of a comparison (0.95 for "Raphael painted the ceiling of the Sistine Chapel …" against the
/// same sentence about Michelangelo). Each check is strict on purpose and fires only on near-copies or on a few fixed
/// forms (another maker of the claim's work, a span of years, "…, not W"): on 24,881 labelled FEVER, SNLI, RTE and
/// CLIMATE-FEVER pairs, restates-claim agrees with the gold label 287 times of 292 (279 of 284 before a place or time the sentence adds
/// after "in", "on" or "at" stopped counting as words between), swaps-name 63 of 68, swaps-number 92
/// of 97 (three of the others are FEVER label noise; 90 of 95 before a sentence's one other amount of the claim's kind counted, <see cref="Amount.Conflicts"/>), negates-word 4 of 4, swaps-opposite 26 of 26 (and 3 RTE pairs, all
/// not-entailment; 14 of 14 before the opposite before the same word and the plain forms of adjectives),
/// credits-another-name 16 of 16 (14 before a shared first name stopped hiding another maker), misses-span 3 of 3, shares-negation 1 of 1 (a claim denying what a sentence corrects, <see cref="Correction.Agrees"/>, never fires there) and swaps-roles 1 of 1 (denies-word,
/// denies-replaced, restates-superlative, restates-comparison, reverses-direction and swaps-unit never fire there), and
/// on the held-out tuning claims and CLIMATE-FEVER dev none changes a verdict.
/// </summary>
public static partial class WordingCheck
{
    [GeneratedRegex(@"\b(?:he|she|they|it)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SubjectPronoun();

    // "state" reports only as a verb ("have long stated that", "as stated"); "a sovereign state" and "member states" do not.
    [GeneratedRegex(@"\b(?:states?|stated|stating)\s+that\b|\bas\s+stated\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatesThat();

    /// <summary>
    /// Words by which a sentence reports, doubts or denies what it contains ("It is a myth that …", "Many sources have
    /// stated that …", "If sound could …"): such a sentence is left to the model, whatever its other words.
    /// Keyed through <see cref="Words"/>, so that every inflection the tokenizer folds together is covered.
    /// </summary>
    private static readonly HashSet<string> ReportingWords = Words.KeysOf(
        "myth misconception false falsely wrong wrongly mistaken mistakenly incorrect incorrectly untrue contrary " +
        "believe belief claim say said says suggest rumour rumor legend supposedly allegedly reportedly " +
        "popularly debunked disproved disproven hoax if whether unless");

    // A capitalised word inside a name is no reporting word: "States" in "the United States" is not "state".
    private static bool IsReportingWord(ContentWord word) => ReportingWords.Contains(word.Key) && !(word.IsName && !word.OpensClause);

    public static WordingMatch Compare(string claim, string evidence) => Compare(ClaimWording.Of(claim), SentenceWording.Of(evidence));

    /// <summary>
    /// The same with the claim's words read once (<see cref="ClaimWording.Of"/>), for a claim compared with many sentences,
    /// and the sentence's read once for every check of it (<see cref="SentenceWording.Of"/>).
    /// </summary>
    internal static WordingMatch Compare(ClaimWording claim, SentenceWording sentence)
    {
        var claimWords = claim.Words;
        var (evidence, tokens, evidenceWords) = (sentence.Text, sentence.Tokens, sentence.Words);
        if (claimWords.Count < 2 || claimWords.Concat(evidenceWords).Any(IsReportingWord) || StatesThat().IsMatch(claim.Text) || StatesThat().IsMatch(evidence))
        {
            return WordingMatch.None;
        }
        var hasSubjectPronoun = SubjectPronoun().IsMatch(evidence);
        // A near-copy hidden by a phrase between commas after the subject ("Mount Everest, on the border …, is …").
        var mainClause = Apposition.Drop(evidenceWords);
        var match = CompareWords(claimWords, evidenceWords, hasSubjectPronoun);
        if (match == WordingMatch.None && mainClause is not null)
        {
            match = CompareWords(claimWords, mainClause, hasSubjectPronoun);
        }
        if (match == WordingMatch.None && claim.Inverted is { } inverted)
        {
            match = CompareInverted(inverted, evidenceWords, hasSubjectPronoun);
            if (match == WordingMatch.None && mainClause is not null)
            {
                match = CompareInverted(inverted, mainClause, hasSubjectPronoun);
            }
        }
        if (match != WordingMatch.None)
        {
            return match;
        }
        if (Credit.GoesToAnotherName(claimWords, evidenceWords))
        {
            return WordingMatch.CreditsAnotherName;
        }
        if (Span.Compare(claimWords, evidenceWords) is var span and not WordingMatch.None)
        {
            return span;
        }
        if (Unit.Swaps(claimWords, evidenceWords))
        {
            return WordingMatch.SwapsUnit;
        }
        if (Roles.Swapped(claim.Text, claimWords, evidence) || Roles.SwappedTerms(claim.Tokens, claimWords, tokens)
            || Roles.ReversedRelation(claimWords, evidenceWords))
        {
            return WordingMatch.SwapsRoles;
        }
        if (!claimWords.Concat(evidenceWords).Any(w => w.IsNegation) && Direction.Reverses(claim.Text, evidence))
        {
            return WordingMatch.ReversesDirection;
        }
        if (Denial.Denies(claimWords, evidence, tokens))
        {
            return WordingMatch.DeniesWord;
        }
        if (Correction.Agrees(claimWords, evidence, tokens))
        {
            return WordingMatch.SharesNegation;
        }
        if (OppositeModifier.Swaps(claimWords, evidenceWords))
        {
            return WordingMatch.SwapsOpposite;
        }
        return Amount.Matches(claim, sentence) ? WordingMatch.MatchesAmount
            : Amount.Conflicts(claim, sentence) ? WordingMatch.SwapsNumber
            : WordingMatch.None;
    }

    private static WordingMatch CompareWords(List<ContentWord> claimWords, List<ContentWord> evidenceWords, bool hasSubjectPronoun)
    {
        if (Restatement.Restates(claimWords, evidenceWords))
        {
            return WordingMatch.RestatesClaim;
        }
        if (Superlative.Restates(claimWords, evidenceWords))
        {
            return WordingMatch.RestatesSuperlative;
        }
        if (SharedNegation.Shares(claimWords, evidenceWords))
        {
            return WordingMatch.SharesNegation;
        }
        if (ReversedComparison.Compare(claimWords, evidenceWords) is var comparison and not WordingMatch.None)
        {
            return comparison;
        }
        return OneChange.Find(claimWords, evidenceWords, hasSubjectPronoun) is var change and not WordingMatch.None
            ? change
            : DeniesReplaced(claimWords, evidenceWords, hasSubjectPronoun);
    }

    /// <summary>
    /// "The capital of Australia is Sydney." read as "Sydney is the capital of Australia." (<see cref="InvertedClaim"/>)
    /// against a sentence with the name first: a swapped name or number in the predicate ("Canberra" for "Sydney"), or,
    /// when the claim says "is not" ("The capital of Canada is not Toronto."), support (<see cref="WordingMatch.DeniesReplaced"/>).
    /// </summary>
    private static WordingMatch CompareInverted(InvertedClaim claim, List<ContentWord> evidenceWords, bool hasSubjectPronoun)
    {
        // The change must be in the predicate, which the inversion put first: at the end, the subject would be read as
        // context followed by more context ("… is The Incredibles 2" against "The Incredibles 2 is an upcoming 2018 film").
        // And the claim's name or number must be nowhere in the sentence: "higher than 90%" does not swap "90%" for a year.
        var match = OneChange.Find(claim.Words, evidenceWords, hasSubjectPronoun, out var changedAt);
        if (match is not (WordingMatch.SwapsName or WordingMatch.SwapsNumber) || changedAt >= claim.PredicateWords
            || claim.Words.Take(claim.PredicateWords).Any(w => (w.IsName || w.IsValue) && evidenceWords.Any(e => e.Key == w.Key)))
        {
            return WordingMatch.None;
        }
        return claim.Negated ? WordingMatch.DeniesReplaced : match;
    }

    /// <summary>
    /// The claim without its one "not" is the sentence with one name, number, prefix or opposite changed: "Pi is not a
    /// rational number." against "Pi is an irrational number.", "Mount Everest is not in Peru." against "Mount Everest is
    /// in Nepal." What the claim denies, the sentence replaces: <see cref="WordingMatch.DeniesReplaced"/>. The words must
    /// come in the same order ("The capital of Canada is not Toronto." against "Ottawa is the capital of Canada." is left
    /// to the model).
    /// </summary>
    private static WordingMatch DeniesReplaced(List<ContentWord> claimWords, List<ContentWord> evidenceWords, bool hasSubjectPronoun)
    {
        var not = claimWords.FindIndex(w => w.IsNegation);
        if (not < 1 || not == claimWords.Count - 1 || claimWords.Count(w => w.IsNegation) != 1
            || Denial.Limiters.Contains(claimWords[not + 1].Key))
        {
            return WordingMatch.None;
        }
        // The changed word must be the one the "not" denies: "Tuvalu sea level isn't rising." says nothing about a
        // sentence on another place's sea level.
        // An opposite may also follow the verb that the "not" stands before: "Sloths do not move quickly." against "Sloths
        // move so slowly that …".
        var affirmed = claimWords.Where((_, i) => i != not).ToList();
        var change = OneChange.Find(affirmed, evidenceWords, hasSubjectPronoun, out var changedAt);
        return change is not WordingMatch.None && (changedAt == not || (change == WordingMatch.SwapsOpposite && changedAt == not + 1))
            ? WordingMatch.DeniesReplaced
            : WordingMatch.None;
    }
}
