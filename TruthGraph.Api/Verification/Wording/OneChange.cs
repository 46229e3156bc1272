using DiffPlex;
using DiffPlex.Chunkers;
using DiffPlex.Model;
using Quickenshtein;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// The sentence is the claim with one run of words changed (a word-level diff by DiffPlex), and that change is a
/// name for another name (<see cref="WordingMatch.SwapsName"/>), a number or date for another
/// (<see cref="WordingMatch.SwapsNumber"/>), a unit for another (<see cref="WordingMatch.SwapsUnit"/>), a word for its
/// negation by prefix (<see cref="WordingMatch.NegatesWord"/>) or a word for its opposite (<see cref="WordingMatch.SwapsOpposite"/>).
/// </summary>
internal static class OneChange
{
    /// <summary>The longest name (in words) that one may replace with another ("Louis Pasteur" for "Alexander Fleming").</summary>
    public const int MaxNameWords = 3;

    /// <summary>Claim words the sentence may lack ("city" in "the capital city of Canada").</summary>
    public const int MaxMissingClaimWords = 1;

    /// <summary>Words of the evidence inside the claim's span that a change tolerates ("… until her death in 1901").</summary>
    public const int MaxExtraEvidenceWords = 4;

    /// <summary>Lower-case words inside names: "da" in "Leonardo da Vinci", "van" in "Vincent van Gogh".</summary>
    internal static readonly HashSet<string> NameParticles =
        ["da", "de", "del", "della", "di", "du", "van", "von", "der", "den", "la", "le", "bin", "ibn", "al"];

    /// <summary>Prefixes that negate an adjective: "irrational", "impossible", "invisible", "unsafe", "non-toxic".</summary>
    private static readonly string[] NegatingPrefixes = ["un", "in", "im", "il", "ir", "non"];

    private static readonly IChunker WholeKeys = new CustomFunctionChunker(text => text.Split(' '));

    public static WordingMatch Find(List<ContentWord> claim, List<ContentWord> evidence, bool evidenceHasSubjectPronoun) =>
        Find(claim, evidence, evidenceHasSubjectPronoun, out _);

    /// <param name="changedAt">The index of the claim's first changed word, where a change is found.</param>
    public static WordingMatch Find(List<ContentWord> claim, List<ContentWord> evidence, bool evidenceHasSubjectPronoun, out int changedAt)
    {
        changedAt = -1;
        var diff = Differ.Instance.CreateDiffs(Keys(claim), Keys(evidence), ignoreWhiteSpace: false, ignoreCase: false, WholeKeys);
        // Evidence words before the claim's first word and after its last are context, not a difference.
        var blocks = diff.DiffBlocks
            .Where(b => !(b.DeleteCountA == 0 && (b.DeleteStartA == 0 || b.DeleteStartA == claim.Count)))
            .ToList();
        var replaced = blocks.Where(b => b.DeleteCountA > 0 && b.InsertCountB > 0).ToList();
        if (replaced.Count != 1)
        {
            return WordingMatch.None;
        }
        var change = replaced[0];
        changedAt = change.DeleteStartA;
        var missing = blocks.Where(b => b.InsertCountB == 0).SelectMany(b => claim.GetRange(b.DeleteStartA, b.DeleteCountA)).ToList();
        var extra = blocks.Where(b => b.DeleteCountA == 0).SelectMany(b => evidence.GetRange(b.InsertStartB, b.InsertCountB)).ToList();
        var matched = claim.Count - missing.Count - change.DeleteCountA;
        // A "not" that only one side has is a change of its own, and the model reads negations well enough.
        if (missing.Count > MaxMissingClaimWords || extra.Count > MaxExtraEvidenceWords || matched < 2
            || missing.Concat(extra).Any(w => w.IsNegation))
        {
            return WordingMatch.None;
        }
        // A sentence that says "she" or "they" may name its subject in another sentence: "As Prime Minister, she
        // implemented policies" is about Margaret Thatcher. Only a sentence that names everyone can swap a name.
        if (!evidenceHasSubjectPronoun && IsNameSwap(change, claim, evidence, extra.Count))
        {
            return WordingMatch.SwapsName;
        }
        // Another number or date in the claim's place: "World War II ended in 1939." against "… ended in 1945.". The
        // block must be the one value alone, so that "before 1945" or "more than 200" (which may agree) never count. At
        // the claim's end the sentence may go on after its value ("… in 1492 on a voyage …"): what follows is context, as
        // long as the claim's own value is nowhere in the sentence.
        var atClaimEnd = change.DeleteStartA + change.DeleteCountA == claim.Count;
        if (change.DeleteCountA == 1 && (change.InsertCountB == 1 || atClaimEnd)
            && ChangedValue.Differs(claim[change.DeleteStartA], evidence[change.InsertStartB])
            && (change.InsertCountB == 1 || !evidence.Any(w => w.Key == claim[change.DeleteStartA].Key)))
        {
            return WordingMatch.SwapsNumber;
        }
        // DiffPlex joins a replaced word and the words added next to it into one block ("declined markedly" for "grown"):
        // one of them must be the changed word, and the others count as added words. At the claim's end the block's first
        // word is the changed one and what follows is context: "a solid ball made mostly of iron and nickel" for "liquid".
        if (change.DeleteCountA != 1)
        {
            return WordingMatch.None;
        }
        var replacement = evidence.GetRange(change.InsertStartB, change.InsertCountB);
        if (extra.Count + change.InsertCountB - 1 > MaxExtraEvidenceWords)
        {
            if (!atClaimEnd || replacement.Any(w => w.IsNegation))
            {
                return WordingMatch.None;
            }
            replacement = replacement.GetRange(0, 1);
        }
        var claimWord = claim[change.DeleteStartA].Key;
        if (replacement.Any(w => w.IsNegation))
        {
            return WordingMatch.None;
        }
        // A unit of another kind named in place of the claim's: "Electric current is measured in volts." against "… in
        // amperes, a unit named after André-Marie Ampère." (the model: support 0.81). Two units of one kind without a
        // number may both be right ("measured in grams" or "in kilograms"); with the same number, Unit.Swaps reads them.
        // Units of time are left out: without a number they say how long rather than what is measured ("for decades").
        if (MeasureUnit(claim[change.DeleteStartA]) is { } claimUnit
            && replacement.Any(w => MeasureUnit(w) is { } unit && unit.Kind != claimUnit.Kind))
        {
            return WordingMatch.SwapsUnit;
        }
        if (replacement.Any(w => Negates(claimWord, w.Key) || Negates(w.Key, claimWord)))
        {
            return WordingMatch.NegatesWord;
        }
        var claimMeaning = Opposites.MeaningOf(claim[change.DeleteStartA]);
        return replacement.Any(w => Opposites.Oppose(claimMeaning, Opposites.MeaningOf(w))) ? WordingMatch.SwapsOpposite : WordingMatch.None;
    }

    private static bool IsNameSwap(DiffBlock change, List<ContentWord> claim, List<ContentWord> evidence, int extraWords)
    {
        var claimName = claim.GetRange(change.DeleteStartA, change.DeleteCountA);
        var replacement = evidence.GetRange(change.InsertStartB, change.InsertCountB);
        // The sentence's name is the block's leading run of name words. Only a date or number may follow it there, and
        // counts as an added word ("Salzburg in 1756" for "Vienna"); any other word ("Later, this movie" for "Baadshah")
        // makes it no name swap, and so does a value the claim has elsewhere (the diff lost its way).
        var evidenceName = replacement.Take(NameLength(replacement)).ToList();
        var trailing = replacement.Skip(evidenceName.Count).ToList();
        // At the claim's end, a clause after the name is context: "in Paris, on the Champ de Mars" for "in Berlin".
        if (change.DeleteStartA + change.DeleteCountA == claim.Count && trailing.Count > 0 && trailing[0].FollowsClauseMark)
        {
            trailing = [];
        }
        if (claimName.Count > MaxNameWords || evidenceName.Count is 0 or > MaxNameWords
            || NameLength(claimName) != claimName.Count || extraWords + trailing.Count > MaxExtraEvidenceWords
            || trailing.Any(w => !w.IsValue || claim.Any(c => c.Key == w.Key)))
        {
            return false;
        }
        // The claim's name must be absent from the evidence altogether: "Einstein" against "Albert Einstein" is no swap.
        if (claimName.Any(n => n.IsName && evidence.Any(w => w.Key == n.Key)))
        {
            return false;
        }
        // "US" for "American", "UK" for "Britain": an abbreviation often names the same thing.
        if (claimName.Concat(evidenceName).Any(w => w.IsAbbreviation))
        {
            return false;
        }
        // "Hickman" against "Hickam", "Khurana" against "Khurrana": the same name spelt another way.
        if (claimName.Any(c => c.IsName && evidenceName.Any(e => e.IsName && SpeltAlike(c.Key, e.Key))))
        {
            return false;
        }
        // A shared name right after the swap is a surname: "John Deighton" and "Next, Deighton" are the same person.
        var afterClaim = change.DeleteStartA + change.DeleteCountA;
        var afterEvidence = change.InsertStartB + evidenceName.Count;
        return !(afterClaim < claim.Count && claim[afterClaim].IsName
            && afterEvidence < evidence.Count && evidence[afterEvidence].Key == claim[afterClaim].Key);
    }

    /// <summary>
    /// How many of <paramref name="words"/>' first words make one name: capitalised words, with the lower-case particles
    /// of names between them ("Leonardo da Vinci", "Ludwig van Beethoven"). A name starts and ends with a capital, and a
    /// comma ends it ("Paris, on the Champ de Mars").
    /// </summary>
    internal static int NameLength(IReadOnlyList<ContentWord> words)
    {
        var length = 0;
        for (var i = 0; i < words.Count && (i == 0 || !words[i].FollowsClauseMark)
            && (words[i].IsName || (length > 0 && NameParticles.Contains(words[i].Key))); i++)
        {
            length = words[i].IsName ? i + 1 : length;
        }
        return length;
    }

    /// <summary>
    /// The same first four letters, or at most two letters apart: a spelling variant or an inflection of one name
    /// ("Beiji" and "Baji"), not another name. Two real names this close ("Iran", "Iraq") are left to the model.
    /// </summary>
    internal static bool SpeltAlike(string a, string b) =>
        a.Length >= 4 && b.Length >= 4 && (string.CompareOrdinal(a, 0, b, 0, 4) == 0 || Levenshtein.GetDistance(a, b) <= 2);

    /// <summary>The unit a word names, other than a unit of time or a one-letter symbol ("m", "g"), or null.</summary>
    private static Unit.UnitOf? MeasureUnit(ContentWord word) =>
        word.Key.Length > 1 && Unit.Of(word.Key) is { Kind: not "time" } unit ? unit : null;

    /// <summary>Whether <paramref name="word"/> is <paramref name="root"/> negated by a prefix ("irrational", "unavailable").</summary>
    internal static bool Negates(string word, string root) =>
        NegatingPrefixes.Any(p => word.Length == p.Length + root.Length && root.Length >= ShortestRoot(p)
            && word.StartsWith(p, StringComparison.Ordinal) && word.EndsWith(root, StringComparison.Ordinal));

    // "in" and "im" also start words of their own on short roots ("inform", "income", "impart"): they need five letters.
    private static int ShortestRoot(string prefix) => prefix is "in" or "im" ? 5 : 4;

    private static string Keys(List<ContentWord> words) => string.Join(' ', words.Select(w => w.Key));
}
