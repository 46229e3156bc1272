using TruthGraph.Wording;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// A claim that gives a count or a measure ("Tardigrades have eight legs.", "The first iPhone had a 3.5-inch screen.",
/// "Queen Victoria had nine children.") and a sentence that gives none of its kind ("Tardigrades can survive extreme
/// dehydration …", "Apple released the first iPhone in 2007."): the sentence cannot say the number is wrong, though
/// the model reads a contradiction (0.35, 0.38, 0.32 here), because a sentence about the same subject with another
/// fact looks to it like a mutated claim. A measure is answered by any measure of the same kind ("8 minutes" answers
/// "eight hours"), a count by the counted word or by any other count ("1,503 people" answers "1,517 lives"), an age by a
/// date. <see cref="VerdictAggregator"/> reads it.
/// </summary>
public static class Quantity
{
    /// <summary>Words after which a number is part of a name or a label ("season 2", "Cars 3"), not a quantity.</summary>
    private static readonly HashSet<string> Labels = Words.KeysOf("season series part volume chapter episode number no game act phase level war");

    /// <summary>Words after a quantity that make it a date ("five years before 1935", "ten years ago").</summary>
    private static readonly HashSet<string> Relative = Words.KeysOf("before after ago later earlier");

    private static readonly HashSet<string> Eras = Words.KeysOf("bc ad bce ce");

    private static readonly HashSet<string> Ages = Words.KeysOf("old aged age");

    private static readonly string Percent = Words.KeysOf("percent").Single();

    /// <summary>How many words after the number may name what is counted ("six major past ice ages").</summary>
    private const int MaxCountedWords = 3;

    /// <summary>The claim gives at least one count or measure and the sentence answers none of them.</summary>
    public static bool SilentOn(string claim, string sentence) => SilentOn(Words.Tokenize(claim), claim, Words.Tokenize(sentence), sentence);

    /// <summary>The same with both texts' tokens (<see cref="Words.Tokenize"/>) read once, for a claim compared with many sentences.</summary>
    internal static bool SilentOn(List<Word> claimTokens, string claim, List<Word> tokens, string sentence) =>
        Answers(claimTokens, claim, tokens, sentence) == false;

    /// <summary>
    /// Whether the sentence gives a count or measure of a kind the claim gives ("16,056 named islands" for "17,508 islands"):
    /// null when the claim gives none. Such a sentence can contradict the claim however unsure the model is of it.
    /// </summary>
    public static bool? Answers(string claim, string sentence) => Answers(Words.Tokenize(claim), claim, Words.Tokenize(sentence), sentence);

    /// <summary>The same with both texts' tokens read once.</summary>
    internal static bool? Answers(List<Word> claimTokens, string claim, List<Word> tokens, string sentence)
    {
        var quantities = Of(claimTokens, claim, countsNames: false);
        if (quantities.Count == 0)
        {
            return null;
        }
        var sentenceQuantities = Of(tokens, sentence, countsNames: true);
        var keys = tokens.SelectMany(w => w.Keys).ToHashSet(StringComparer.Ordinal);
        return quantities.Any(q => Answers(q, tokens, keys, sentenceQuantities));
    }

    private static bool Answers(Amount claim, List<Word> tokens, HashSet<string> keys, List<Amount> sentence)
    {
        if (claim.Kind is { } kind)
        {
            return sentence.Any(a => a.Kind == kind) || tokens.Any(w => Unit.KindOf(w.Keys[0]) == kind)
                || (kind == "time" && claim.Counted.Any(Ages.Contains) && tokens.Any(w => w.Kind == WordKind.Date));
        }
        return claim.Counted.Any(keys.Contains) || sentence.Any(a => a.Kind is null);
    }

    /// <summary>What a counted or measured thing is: a unit's kind ("length"), or, for a count, null and the counted words.</summary>
    private readonly record struct Amount(string? Kind, IReadOnlyList<string> Counted);

    /// <summary>
    /// Each number of the text that counts or measures something: not a year, an ordinal, zero or one, or part of a name. What a
    /// claim counts is named by plain words; a sentence may count names too ("three Grammy Awards"), never an era ("218 BC").
    /// </summary>
    private static List<Amount> Of(List<Word> tokens, string text, bool countsNames)
    {
        var amounts = new List<Amount>();
        for (var i = 0; i < tokens.Count; i++)
        {
            // A share in words ("one third of", "half of") is a percentage.
            if (Fraction.At(tokens, i) is var (_, fractionEnd))
            {
                amounts.Add(new Amount("percent", []));
                i = fractionEnd;
                continue;
            }
            var word = tokens[i];
            // "one" is as often "a" as a count ("one of the", "only one"), and "zero degrees" says "no degree".
            if (word.Kind != WordKind.Number || word.Keys[0] is "0" or "1" || IsOrdinal(word) || IsPartOfName(tokens, i, text))
            {
                continue;
            }
            if (word.Text.EndsWith('%'))
            {
                amounts.Add(new Amount("percent", []));
                continue;
            }
            var next = i + 1;
            while (next < tokens.Count && tokens[next].Kind == WordKind.Number)
            {
                next++; // "86 billion neurons", "one and a half"
            }
            if (next < tokens.Count && tokens[next].Keys[0] == Percent)
            {
                amounts.Add(new Amount("percent", []));
                continue;
            }
            var counted = new List<string>();
            for (var j = next; j < tokens.Count && counted.Count < MaxCountedWords && !tokens[j].IsFunctionWord
                && (tokens[j].Kind == WordKind.Word || (tokens[j].Kind == WordKind.Name && countsNames && !Eras.Contains(tokens[j].Keys[0])))
                && (j == next || !HasMarkBefore(tokens, j, text)); j++)
            {
                counted.Add(tokens[j].Keys[0]);
            }
            if (counted.Count == 0 || (next + 1 < tokens.Count && Relative.Contains(tokens[next + 1].Keys[0])))
            {
                continue;
            }
            amounts.Add(new Amount(Unit.KindOf(counted[0]), counted));
            i = next;
        }
        return amounts;
    }

    private static bool HasMarkBefore(List<Word> tokens, int at, string text) =>
        text.AsSpan(tokens[at - 1].Start + tokens[at - 1].Length, tokens[at].Start - tokens[at - 1].Start - tokens[at - 1].Length).ContainsAny(",;:()");

    private static bool IsOrdinal(Word word) =>
        word.Text.Length > 2 && char.IsDigit(word.Text[^3]) && word.Text[^2..].ToLowerInvariant() is "st" or "nd" or "rd" or "th";

    /// <summary>"F-35", "Uranium-235", "Cars 3", "season 2": the number names something.</summary>
    private static bool IsPartOfName(List<Word> tokens, int at, string text)
    {
        var start = tokens[at].Start;
        if (start >= 2 && text[start - 1] == '-' && char.IsLetter(text[start - 2]))
        {
            return true;
        }
        // "Bolt's 100 metres" is a possessive before a measure, not a name with a number.
        return at > 0 && (tokens[at - 1].Kind == WordKind.Name || Labels.Contains(tokens[at - 1].Keys[0]))
            && !tokens[at - 1].Text.EndsWith("'s", StringComparison.OrdinalIgnoreCase) && !tokens[at - 1].Text.EndsWith("’s", StringComparison.OrdinalIgnoreCase)
            && !HasMarkBefore(tokens, at, text);
    }
}
