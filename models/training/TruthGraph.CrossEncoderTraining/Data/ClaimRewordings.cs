using System.Text.RegularExpressions;

namespace TruthGraph.CrossEncoderTraining.Data;

/// <summary>
/// FEVER claims said again in other words, keeping their meaning, for the paraphrases stage 3 read as contradictions
/// ("In modern computing one byte is made up of eight bits." against "Eight bits make up a single byte.": 0.97):
/// <list type="bullet">
/// <item><b>Voice.</b> "Gotham City Sirens was published by Marvel Comics." ↔ "Marvel Comics published Gotham City
/// Sirens." (past tense only, so no agreement has to be guessed).</item>
/// <item><b>A date moved to the front.</b> "Toy Story 2 was released in 2004." → "In 2004, Toy Story 2 was released."</item>
/// <item><b>A superlative as a negated comparative.</b> "Libya is the largest country on its continent." → "No country on
/// its continent is larger than Libya."; for a supported claim also "At least one country on its continent is larger
/// than Libya." as a contradiction, so that "No … is larger" is not read as a cue for entailment.</item>
/// </list>
/// A reworded claim keeps FEVER's label against FEVER's evidence; a supported claim and its rewording also entail each
/// other both ways, which teaches the word-order invariance directly.
/// </summary>
public static partial class ClaimRewordings
{
    public const string Source = "rewordings";

    /// <summary>A name: capitalised words (digits and brackets allowed), with "of", "the", "and", "de", "&amp;" between.</summary>
    private const string Name = @"[\p{Lu}\d][\p{L}\p{M}\d'’\.\-&:!()]*(?:\s+(?:(?:of|the|and|de|von|van|la|du|&)\s+)?[\p{Lu}\d(][\p{L}\p{M}\d'’\.\-&:!()]*)*";

    [GeneratedRegex(@"^(?<obj>[^,;]+?) (?<aux>was|were) (?<verb>[a-z\-]+) by (?<agent>" + Name + @")\.?$")]
    private static partial Regex Passive();

    [GeneratedRegex(@"^(?<agent>" + Name + @") (?<verb>[a-z\-]+) (?<obj>[^,;]+?)\.?$")]
    private static partial Regex Active();

    /// <summary>The month names as a regular-expression alternation.</summary>
    internal const string Months = "January|February|March|April|May|June|July|August|September|October|November|December";

    [GeneratedRegex(@"^(?<main>[^,;]+?) (?<when>(?:in|on) (?:(?:\d{1,2} )?(?:" + Months + @")(?: \d{1,2},?)?(?: \d{4})?|\d{4}))\.?$")]
    private static partial Regex TrailingDate();

    [GeneratedRegex(@"^(?<subject>[^,;]+?) (?<aux>is|was|are|were) the (?<superlative>most [a-z]+|[a-z]+est) (?<noun>[a-z][^,;]*?)\.?$")]
    private static partial Regex Superlative();

    [GeneratedRegex(@"\b(by|who|which|that|and)\b")]
    private static partial Regex NestedClause();

    /// <summary>An object that reads as one thing: a name, or "the" / "a" / "an" and a noun phrase.</summary>
    [GeneratedRegex(@"^(?:\p{Lu}|\d|(?:the|a|an) )")]
    private static partial Regex StartsLikeAThing();

    [GeneratedRegex(@"\b(not|never|no|only|also|originally|first|later)\b")]
    private static partial Regex Hedged();

    /// <summary>Past participle → simple past, for the verbs FEVER's passive claims use; regular "-ed" verbs are the same in both.</summary>
    private static readonly Dictionary<string, string> IrregularPast = new(StringComparer.Ordinal)
    {
        ["written"] = "wrote", ["co-written"] = "co-wrote", ["sung"] = "sang", ["drawn"] = "drew", ["taken"] = "took",
        ["made"] = "made", ["built"] = "built", ["given"] = "gave", ["shown"] = "showed", ["held"] = "held", ["won"] = "won",
        ["led"] = "led", ["sold"] = "sold", ["bought"] = "bought", ["taught"] = "taught", ["spoken"] = "spoke",
        ["chosen"] = "chose", ["driven"] = "drove", ["seen"] = "saw", ["shot"] = "shot", ["thrown"] = "threw", ["worn"] = "wore",
    };

    private static readonly Dictionary<string, string> PastParticiple = IrregularPast
        .Where(p => p.Key != p.Value)
        .ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Regular verbs an active claim may use: a closed list, so "Paris hosted …" is in and "Paris is …" is out.</summary>
    private static readonly HashSet<string> ActiveVerbs = new(StringComparer.Ordinal)
    {
        "directed", "produced", "released", "created", "founded", "published", "developed", "composed", "designed",
        "invented", "discovered", "painted", "owned", "recorded", "acquired", "distributed", "performed", "played",
        "hosted", "narrated", "edited", "illustrated", "animated", "co-directed", "co-produced", "co-founded",
        "wrote", "co-wrote", "sang", "drew", "built", "won", "led", "sold", "bought",
    };

    private static readonly Dictionary<string, string> IrregularComparative = new(StringComparer.Ordinal)
    {
        ["best"] = "better", ["worst"] = "worse", ["farthest"] = "farther", ["furthest"] = "further",
    };

    /// <summary>"…est" words that are not superlatives.</summary>
    private static readonly HashSet<string> NotSuperlative = new(StringComparer.Ordinal)
    {
        "honest", "interest", "west", "forest", "harvest", "contest", "protest", "request", "quest", "guest", "rest", "test", "nest", "chest", "crest", "pest", "vest",
    };

    /// <summary>The rewordings of one claim that keep its meaning (none where no pattern fits).</summary>
    public static IEnumerable<string> Reword(string claim)
    {
        // The full stop goes first: a name may hold dots ("John R. Leonetti"), so it would swallow the last one.
        claim = claim.Trim().TrimEnd('.');
        if (Hedged().IsMatch(claim))
        {
            // "X was not directed by Y", "X was only released in 1990": moving words around such claims can change what is negated.
            yield break;
        }
        if (ToActive(claim) is { } active)
        {
            yield return active;
        }
        if (ToPassive(claim) is { } passive)
        {
            yield return passive;
        }
        if (DateFirst(claim) is { } dated)
        {
            yield return dated;
        }
        if (AsNegatedComparative(claim) is { } comparative)
        {
            yield return comparative.Same;
        }
    }

    public static string? ToActive(string claim)
    {
        var match = Passive().Match(claim);
        if (!match.Success)
        {
            return null;
        }
        var participle = match.Groups["verb"].Value;
        var past = IrregularPast.TryGetValue(participle, out var irregular) ? irregular
            : participle.EndsWith("ed", StringComparison.Ordinal) ? participle : null;
        return past is null ? null : $"{match.Groups["agent"].Value} {past} {LowerArticle(match.Groups["obj"].Value)}.";
    }

    public static string? ToPassive(string claim)
    {
        var match = Active().Match(claim);
        if (!match.Success || !ActiveVerbs.Contains(match.Groups["verb"].Value))
        {
            return null;
        }
        var past = match.Groups["verb"].Value;
        var participle = PastParticiple.TryGetValue(past, out var irregular) ? irregular : past;
        var obj = match.Groups["obj"].Value;
        // "X played for Y", "X won an award in 2001": a preposition or a trailing date after the object makes a clumsy
        // passive; a bare lower-case object ("sold weapons", "sold over 3 million units") may be plural or a quantity.
        if (obj.Contains(" in ", StringComparison.Ordinal) || !StartsLikeAThing().IsMatch(obj))
        {
            return null;
        }
        var aux = obj.Contains(" and ", StringComparison.Ordinal) ? "were" : "was";
        return $"{Capitalise(obj)} {aux} {participle} by {match.Groups["agent"].Value}.";
    }

    public static string? DateFirst(string claim)
    {
        var match = TrailingDate().Match(claim);
        if (!match.Success)
        {
            return null;
        }
        var main = match.Groups["main"].Value;
        // "… based on a novel by a writer born in 1903": in a nested clause the date belongs to the clause, not the sentence.
        if (NestedClause().IsMatch(main) || (main.Contains(" born", StringComparison.Ordinal) && !main.EndsWith(" born", StringComparison.Ordinal)))
        {
            return null;
        }
        return $"{Capitalise(match.Groups["when"].Value)}, {LowerArticle(main)}.";
    }

    /// <summary>"X is the largest N." → ("No N is larger than X.", "At least one N is larger than X."), or null.</summary>
    public static (string Same, string Opposite)? AsNegatedComparative(string claim)
    {
        var match = Superlative().Match(claim);
        if (!match.Success)
        {
            return null;
        }
        var superlative = match.Groups["superlative"].Value;
        string comparative;
        if (superlative.StartsWith("most ", StringComparison.Ordinal))
        {
            comparative = "more " + superlative[5..];
        }
        else if (IrregularComparative.TryGetValue(superlative, out var irregular))
        {
            comparative = irregular;
        }
        else if (superlative.Length > 4 && !NotSuperlative.Contains(superlative))
        {
            comparative = superlative[..^3] + "er";
        }
        else
        {
            return null;
        }
        var aux = match.Groups["aux"].Value switch { "are" => "is", "were" => "was", var one => one };
        var noun = match.Groups["noun"].Value;
        var subject = match.Groups["subject"].Value;
        return ($"No {noun} {aux} {comparative} than {subject}.", $"At least one {noun} {aux} {comparative} than {subject}.");
    }

    /// <summary>
    /// Up to <paramref name="count"/> claims reworded: (evidence, rewording) with FEVER's label; for supported claims also
    /// claim ⇄ rewording as entailments, and a superlative's opposite as a contradiction.
    /// </summary>
    public static IReadOnlyList<LabelledPair> Build(IEnumerable<NliPair> pairs, int count, Random random)
    {
        var result = new List<LabelledPair>();
        if (count <= 0)
        {
            return result;
        }
        var reworded = 0;
        foreach (var pair in pairs.Where(p => p.Label != NliLabel.Neutral).OrderBy(_ => random.Next()))
        {
            if (reworded >= count)
            {
                break;
            }
            var options = Reword(pair.Hypothesis).ToList();
            if (options.Count == 0)
            {
                continue;
            }
            reworded++;
            var rewording = options[random.Next(options.Count)];
            result.Add(new LabelledPair(pair.Premise, rewording, [pair.Label], Source));
            if (pair.Label != NliLabel.Entailment)
            {
                continue;
            }
            result.Add(new LabelledPair(pair.Hypothesis, rewording, [NliLabel.Entailment], Source));
            result.Add(new LabelledPair(rewording, pair.Hypothesis, [NliLabel.Entailment], Source));
            if (AsNegatedComparative(pair.Hypothesis) is { } comparative && rewording == comparative.Same)
            {
                result.Add(new LabelledPair(pair.Premise, comparative.Opposite, [NliLabel.Contradiction], Source));
            }
        }
        return result;
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>"The film Soul Food" → "the film Soul Food" inside a sentence; names ("The Beatles") keep their capital.</summary>
    private static string LowerArticle(string text) =>
        text.StartsWith("The ", StringComparison.Ordinal) && text.Length > 4 && char.IsLower(text[4]) ? "t" + text[1..]
        : text.StartsWith("A ", StringComparison.Ordinal) || text.StartsWith("An ", StringComparison.Ordinal) ? char.ToLowerInvariant(text[0]) + text[1..]
        : text;
}
