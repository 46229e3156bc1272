using System.Text.Json.Serialization;
using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.Model;
using TruthGraph.Wording;

namespace TruthGraph.Api.Verification;

/// <summary>What the wording of an evidence sentence shows about a claim, read word by word rather than by the NLI model.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WordingMatch>))]
public enum WordingMatch
{
    /// <summary>Nothing the words alone can settle: the NLI model's reading stands.</summary>
    [JsonStringEnumMemberName("none")] None,

    /// <summary>
    /// The sentence contains the claim's content words in the claim's order, with at most one other word among them,
    /// and says "not" where the claim does: "Diamonds do not dissolve in water." in "Diamonds do not dissolve in water
    /// or in common acids." A restatement, whatever the model made of the negation.
    /// </summary>
    [JsonStringEnumMemberName("restates-claim")] RestatesClaim,

    /// <summary>
    /// The sentence is the claim with another name in the place of the claim's, and the claim's name appears nowhere in
    /// it: "Toronto is the capital city of Canada." against "Ottawa is the capital of Canada." A changed name, which
    /// the model, seeing every other word match, tends to read as support.
    /// </summary>
    [JsonStringEnumMemberName("swaps-name")] SwapsName,
}

/// <summary>
/// Two word-level readings that overrule the NLI model where it is reliably wrong (models/README.md, "Wording checks"):
/// the cross-encoder reads a "not" on the claim's side as a contradiction even when the evidence says the same "not"
/// (contradiction 0.99 for "Diamonds do not dissolve in water." against the sentence above), and reads a sentence
/// that differs only by a name as an entailment (0.95 for "Raphael painted the ceiling of the Sistine Chapel between
/// 1508 and 1512." against the same sentence about Michelangelo). Both checks are strict on purpose: they fire only on
/// near-copies, and on the held-out tuning claims they fire on 15 of 2,900 pairs above the relevance floor and change
/// no verdict.
/// </summary>
public static class WordingCheck
{
    /// <summary>Other words the evidence may have among the claim's words and still restate it ("or", "natural").</summary>
    public const int MaxWordsBetween = 1;

    /// <summary>The longest name (in words) that one may replace with another ("Louis Pasteur" for "Alexander Fleming").</summary>
    public const int MaxNameWords = 3;

    /// <summary>Words of the evidence inside the claim's span that a name swap tolerates ("… until her death in 1901").</summary>
    public const int MaxExtraEvidenceWords = 3;

    private static readonly IChunker WholeKeys = new CustomFunctionChunker(text => text.Split(' '));

    /// <summary>
    /// Words by which a sentence reports, doubts or denies what it contains ("It is a myth that …", "Many sources have
    /// stated that …", "If sound could …"): such a sentence is left to the model, whatever its other words.
    /// Keyed through <see cref="Words"/>, so that every inflection the tokenizer folds together is covered.
    /// </summary>
    private static readonly HashSet<string> ReportingWords = Words.Tokenize(
            "myth misconception false falsely wrong wrongly mistaken mistakenly incorrect incorrectly untrue contrary " +
            "believe belief claim state say said says suggest rumour rumor legend supposedly allegedly reportedly " +
            "popularly debunked disproved hoax if whether unless")
        .Select(w => w.Keys[0]).ToHashSet(StringComparer.Ordinal);

    public static WordingMatch Compare(string claim, string evidence)
    {
        var claimWords = ContentWords(claim);
        var evidenceWords = ContentWords(evidence);
        if (claimWords.Count < 2 || claimWords.Concat(evidenceWords).Any(w => ReportingWords.Contains(w.Key)))
        {
            return WordingMatch.None;
        }
        if (Restates(claimWords, evidenceWords))
        {
            return WordingMatch.RestatesClaim;
        }
        return SwapsName(claimWords, evidenceWords) ? WordingMatch.SwapsName : WordingMatch.None;
    }

    private readonly record struct ContentWord(string Key, bool IsName)
    {
        public bool IsNegation => Key == WordLists.NegationKey;
    }

    /// <summary>The words that carry content, in order: one key each, every negation as "not", function words left out.</summary>
    private static List<ContentWord> ContentWords(string text)
    {
        var words = new List<ContentWord>();
        foreach (var word in Words.Tokenize(text))
        {
            if (word.Kind == WordKind.Negation)
            {
                words.Add(new ContentWord(WordLists.NegationKey, false));
            }
            else if (!word.IsFunctionWord)
            {
                words.Add(new ContentWord(word.Keys[0], word.Kind == WordKind.Name));
            }
        }
        return words;
    }

    private static bool Restates(List<ContentWord> claim, List<ContentWord> evidence)
    {
        // One "not" on one side only is exactly what the model reads well; this check is for the same polarity on both.
        if (claim.Any(w => w.IsNegation) != evidence.Any(w => w.IsNegation))
        {
            return false;
        }
        for (var start = 0; start < evidence.Count; start++)
        {
            if (evidence[start].Key == claim[0].Key && RestatesFrom(claim, evidence, start))
            {
                return true;
            }
        }
        return false;
    }

    private static bool RestatesFrom(List<ContentWord> claim, List<ContentWord> evidence, int start)
    {
        var at = start + 1;
        var between = 0;
        for (var i = 1; i < claim.Count; i++)
        {
            // The word a "not" negates must follow it at once: "Penguins cannot fly but swim" does not say "penguins cannot swim".
            var mustBeNext = claim[i - 1].IsNegation;
            while (at < evidence.Count && evidence[at].Key != claim[i].Key && !mustBeNext)
            {
                at++;
                between++;
            }
            if (at == evidence.Count || evidence[at].Key != claim[i].Key || between > MaxWordsBetween)
            {
                return false;
            }
            at++;
        }
        return true;
    }

    private static bool SwapsName(List<ContentWord> claim, List<ContentWord> evidence)
    {
        var diff = Differ.Instance.CreateDiffs(Keys(claim), Keys(evidence), ignoreWhiteSpace: false, ignoreCase: false, WholeKeys);
        // Evidence words before the claim's first word and after its last are context, not a difference.
        var blocks = diff.DiffBlocks
            .Where(b => !(b.DeleteCountA == 0 && (b.DeleteStartA == 0 || b.DeleteStartA == claim.Count)))
            .ToList();
        var replaced = blocks.Where(b => b.DeleteCountA > 0 && b.InsertCountB > 0).ToList();
        if (replaced.Count != 1)
        {
            return false;
        }
        var swap = replaced[0];
        var missingFromEvidence = blocks.Where(b => b.InsertCountB == 0).Sum(b => b.DeleteCountA);
        var extraInEvidence = blocks.Where(b => b.DeleteCountA == 0).Sum(b => b.InsertCountB);
        var matched = claim.Count - missingFromEvidence - swap.DeleteCountA;
        return IsNameSwap(swap, claim, evidence)
            && missingFromEvidence <= MaxWordsBetween
            && extraInEvidence <= MaxExtraEvidenceWords
            && matched >= 2;
    }

    private static bool IsNameSwap(DiffBlock swap, List<ContentWord> claim, List<ContentWord> evidence)
    {
        var claimName = claim.GetRange(swap.DeleteStartA, swap.DeleteCountA);
        var evidenceName = evidence.GetRange(swap.InsertStartB, swap.InsertCountB);
        if (claimName.Count > MaxNameWords || evidenceName.Count > MaxNameWords
            || !claimName.All(w => w.IsName) || !evidenceName.All(w => w.IsName))
        {
            return false;
        }
        // The claim's name must be absent from the evidence altogether: "Einstein" against "Albert Einstein" is no swap.
        if (claimName.Any(n => evidence.Any(w => w.Key == n.Key)))
        {
            return false;
        }
        // A shared name right after the swap is a surname: "John Deighton" and "Next, Deighton" are the same person.
        var afterClaim = swap.DeleteStartA + swap.DeleteCountA;
        var afterEvidence = swap.InsertStartB + swap.InsertCountB;
        return !(afterClaim < claim.Count && claim[afterClaim].IsName
            && afterEvidence < evidence.Count && evidence[afterEvidence].Key == claim[afterClaim].Key);
    }

    private static string Keys(List<ContentWord> words) => string.Join(' ', words.Select(w => w.Key));
}
