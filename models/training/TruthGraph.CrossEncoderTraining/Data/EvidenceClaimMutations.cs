using System.Text.RegularExpressions;

namespace TruthGraph.CrossEncoderTraining.Data;

/// <summary>
/// Mutations of FEVER claims that keep FEVER's own evidence as the premise, for the three mistakes the first
/// cross-encoder still made (models/README.md):
/// <list type="bullet">
/// <item><b>Negation flips.</b> A supported claim with a negation put in or taken out becomes a contradiction, and a
/// refuted claim flipped the same way becomes an entailment ("X is a film" refuted by evidence that X is a series →
/// "X is not a film" entailed). The second half is what teaches that a claim with "not" can agree with evidence
/// that has none: the model had learnt "a negation on one side only means contradiction".</item>
/// <item><b>Name swaps.</b> A capitalised name after the same word in another claim ("… directed by <i>Name</i>",
/// "… born in <i>Place</i>") replaces one in a supported claim: a contradiction. Only names after the first word
/// are swapped, where the claim's subject stays the evidence's subject; the new name must not occur in the
/// evidence.</item>
/// <item><b>Antonym swaps.</b> One word of a supported claim replaced by its opposite (highest/lowest,
/// north/south, before/after, …): a contradiction.</item>
/// </list>
/// </summary>
public static partial class EvidenceClaimMutations
{
    /// <summary>Claims whose meaning a single verb flip does not reliably invert (double negation, quantifiers).</summary>
    [GeneratedRegex(@"\b(never|no|nobody|nothing|none|neither|nor|without|only|any|failed|refused|unable|incapable|all|every)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Unflippable();

    /// <summary>Whether the claim has a quantifier or a second negation, so that one flipped verb may not invert it.</summary>
    internal static bool IsUnflippable(string claim) => Unflippable().IsMatch(claim);

    /// <summary>A run of capitalised words, allowing "of", "the", "de", "von", "van" and "and" inside ("Bank of America").</summary>
    [GeneratedRegex(@"\b\p{Lu}[\p{L}\p{M}'\-\.]*(?:\s+(?:(?:of|the|de|von|van|and|la|du)\s+)?\p{Lu}[\p{L}\p{M}'\-\.]*)*")]
    private static partial Regex NameSpan();

    /// <summary>The last word of a text that ends in white space: the word before a position.</summary>
    [GeneratedRegex(@"(\S+)\s+$")]
    internal static partial Regex PrecedingWord();

    private static readonly (string A, string B)[] AntonymPairs =
    [
        ("highest", "lowest"), ("largest", "smallest"), ("biggest", "smallest"), ("longest", "shortest"),
        ("oldest", "youngest"), ("earliest", "latest"), ("tallest", "shortest"), ("best", "worst"),
        ("most", "least"), ("first", "last"), ("northern", "southern"), ("eastern", "western"),
        ("north", "south"), ("east", "west"), ("northernmost", "southernmost"), ("before", "after"),
        ("higher", "lower"), ("larger", "smaller"), ("bigger", "smaller"), ("longer", "shorter"), ("older", "younger"),
        ("more", "less"), ("increase", "decrease"), ("increased", "decreased"), ("increases", "decreases"),
        ("rise", "fall"), ("rose", "fell"), ("won", "lost"), ("win", "lose"), ("wins", "loses"),
        ("male", "female"), ("born", "died"), ("started", "ended"), ("began", "ended"),
        ("success", "failure"), ("successful", "unsuccessful"), ("popular", "unpopular"), ("public", "private"),
        ("major", "minor"), ("hot", "cold"), ("warm", "cool"), ("wet", "dry"), ("wettest", "driest"),
        ("heaviest", "lightest"), ("thick", "thin"), ("dense", "sparse"), ("fast", "slow"), ("fastest", "slowest"),
        ("early", "late"), ("ancient", "modern"), ("rich", "poor"), ("inside", "outside"), ("above", "below"),
        ("upper", "lower"), ("open", "closed"), ("legal", "illegal"), ("alive", "dead"), ("true", "false"),
        ("accepted", "rejected"), ("allowed", "banned"), ("positive", "negative"), ("comedy", "tragedy"),
        ("fiction", "nonfiction"), ("professional", "amateur"), ("strong", "weak"), ("large", "small"),
    ];

    private static readonly Dictionary<string, string> Antonyms = AntonymPairs
        .SelectMany(p => new[] { (p.A, p.B), (p.B, p.A) })
        .GroupBy(p => p.Item1, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.First().Item2, StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"\b[\p{L}]+\b")]
    private static partial Regex Word();

    /// <summary>
    /// Up to <paramref name="count"/> pairs (evidence, claim with a flipped negation): entailment ↔ contradiction.
    /// Neutral pairs and claims with quantifiers or a second negation are left out.
    /// </summary>
    public static IReadOnlyList<NliPair> NegationFlips(IEnumerable<NliPair> pairs, int count, Random random) =>
        Mutate(pairs, count, random, pair =>
            pair.Label == NliLabel.Neutral || Unflippable().IsMatch(pair.Hypothesis) || ClaimMutations.Negate(pair.Hypothesis) is not { } flipped
                ? null
                : new NliPair(pair.Premise, flipped, pair.Label == NliLabel.Entailment ? NliLabel.Contradiction : NliLabel.Entailment));

    /// <summary>Up to <paramref name="count"/> contradictions: a supported claim with one name swapped for another claim's name in the same slot.</summary>
    public static IReadOnlyList<NliPair> NameSwaps(IReadOnlyList<NliPair> pairs, int count, Random random)
    {
        if (count <= 0)
        {
            return [];
        }
        var bySlot = NamesBySlot(pairs);
        return Mutate(pairs.Where(p => p.Label == NliLabel.Entailment), count, random, pair =>
            SwapName(pair.Hypothesis, pair.Premise, bySlot, random) is { } swapped ? new NliPair(pair.Premise, swapped, NliLabel.Contradiction) : null);
    }

    /// <summary>
    /// The sentence with one of its names (<see cref="Names"/>) replaced by another name seen in the same slot, one that
    /// neither it nor <paramref name="premise"/> mentions; null when it has no such name.
    /// </summary>
    internal static string? SwapName(string sentence, string premise, Dictionary<string, List<string>> bySlot, Random random)
    {
        var candidates = Names(sentence).Where(n => bySlot.TryGetValue(n.Slot, out var names) && names.Count > 1).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        var (slot, name, index) = candidates[random.Next(candidates.Count)];
        var pool = bySlot[slot];
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var other = pool[random.Next(pool.Count)];
            if (!other.Equals(name, StringComparison.OrdinalIgnoreCase)
                && !premise.Contains(other, StringComparison.OrdinalIgnoreCase)
                && !sentence.Contains(other, StringComparison.OrdinalIgnoreCase))
            {
                return sentence[..index] + other + sentence[(index + name.Length)..];
            }
        }
        return null;
    }

    /// <summary>Up to <paramref name="count"/> contradictions: a supported claim with one word replaced by its antonym.</summary>
    public static IReadOnlyList<NliPair> AntonymSwaps(IEnumerable<NliPair> pairs, int count, Random random) =>
        Mutate(pairs.Where(p => p.Label == NliLabel.Entailment), count, random, pair =>
            SwapAntonym(pair.Hypothesis, random) is { } swapped ? new NliPair(pair.Premise, swapped, NliLabel.Contradiction) : null);

    /// <summary>The first <paramref name="count"/> non-null mutations of the pairs, taken in a random order.</summary>
    private static IReadOnlyList<NliPair> Mutate(IEnumerable<NliPair> pairs, int count, Random random, Func<NliPair, NliPair?> mutate)
    {
        if (count <= 0)
        {
            return [];
        }
        var result = new List<NliPair>(count);
        foreach (var pair in pairs.OrderBy(_ => random.Next()))
        {
            if (result.Count >= count)
            {
                break;
            }
            if (mutate(pair) is { } mutated)
            {
                result.Add(mutated);
            }
        }
        return result;
    }

    /// <summary>The sentence with one lower-case word that has an antonym in the list replaced by it, or null.</summary>
    public static string? SwapAntonym(string sentence, Random random)
    {
        // Lower-case words only: a capitalised one is usually part of a name ("Times Higher Education", "North Korea").
        var words = Word().Matches(sentence).Where(m => char.IsLower(m.Value[0]) && Antonyms.ContainsKey(m.Value)).ToList();
        if (words.Count == 0)
        {
            return null;
        }
        var word = words[random.Next(words.Count)];
        return sentence[..word.Index] + Antonyms[word.Value] + sentence[(word.Index + word.Length)..];
    }

    /// <summary>
    /// The names of all the claims (with repeats), by the word before them: "by" collects people and companies, "in"
    /// places, "of" countries and works.
    /// </summary>
    public static Dictionary<string, List<string>> NamesBySlot(IEnumerable<NliPair> pairs) =>
        pairs.Select(p => p.Hypothesis).Distinct(StringComparer.Ordinal)
            .SelectMany(Names)
            .GroupBy(n => n.Slot, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Select(n => n.Name).ToList(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Each capitalised name after the claim's first word, keyed by the lower-cased word before it.</summary>
    public static IEnumerable<(string Slot, string Name, int Index)> Names(string claim)
    {
        foreach (Match match in NameSpan().Matches(claim))
        {
            if (match.Index == 0)
            {
                continue;
            }
            var before = PrecedingWord().Match(claim[..match.Index]);
            if (!before.Success || char.IsUpper(before.Groups[1].Value[0]))
            {
                continue;
            }
            var name = match.Value.TrimEnd('.');
            yield return (before.Groups[1].Value.ToLowerInvariant(), name, match.Index);
        }
    }
}
