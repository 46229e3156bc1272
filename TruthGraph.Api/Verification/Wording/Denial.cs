using TruthGraph.Wording;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// The sentence denies one of the claim's words after saying the claim's other words (<see cref="WordingMatch.DeniesWord"/>):
/// a correction of the form "…, not W" ("Blood in your veins is blue." against "Blood in human veins is dark red, not
/// blue; veins only look blue through the skin."), or "lack W" ("Bacteria have a nucleus." against "Bacteria are
/// single-celled organisms that lack a nucleus."). Common myths are corrected this way, and the model, seeing every claim
/// word present, reads support. A "not" inside a clause ("do not interfere") is left to the model, which reads it well;
/// so is every "not" of a longer passage but the one that follows the claim's words.
/// </summary>
internal static class Denial
{
    /// <summary>
    /// Words after a "not" that limit rather than deny what follows: "not only a singer", "not just 10 percent", "not
    /// necessarily", "not more than 300 metres". <see cref="SharedNegation"/> and the denies-replaced reading use them too.
    /// </summary>
    internal static readonly HashSet<string> Limiters = Words.KeysOf(
        "only just merely simply solely necessarily always all entirely quite exactly other more less fewer least most much " +
        "even yet until");

    /// <summary>"lack" denies its object wherever it stands: "Bacteria are single-celled organisms that lack a nucleus."</summary>
    internal static readonly HashSet<string> Lacking = Words.KeysOf("lack lacks lacked lacking");

    private static readonly char[] SentenceEnds = ['.', '!', '?'];

    /// <param name="words">The sentence's tokens (<see cref="Words.Tokenize"/>): the "not" and the marks before it are read from them.</param>
    public static bool Denies(List<ContentWord> claim, string evidence, List<Word> words)
    {
        if (claim.Any(w => w.IsNegation || Lacking.Contains(w.Key)))
        {
            return false;
        }
        var claimKeys = claim.Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
        for (var i = 1; i < words.Count - 1; i++)
        {
            var denies = Correction.IsContrastingNot(evidence, words, i) || Lacking.Contains(words[i].Keys[0]);
            if (!denies || Limiters.Contains(words[i + 1].Keys[0]))
            {
                continue;
            }
            // The first word after the "not" (or "lack") that carries content ("not to its colour": "colour") is the claim's ...
            var denied = words.Skip(i + 1).FirstOrDefault(w => !w.IsFunctionWord);
            if (denied is null || denied.Kind == WordKind.Negation || !claimKeys.Contains(denied.Keys[0]))
            {
                continue;
            }
            // ... the claim's other words are all said before it, in the same sentence, and the denied word is not: "The Moon
            // reflects light from the Sun, not light of its own" denies only some light.
            var sentenceStart = evidence.LastIndexOfAny(SentenceEnds, words[i].Start) + 1;
            var before = words.Take(i).Where(w => w.Start >= sentenceStart).SelectMany(w => w.ContentKeys).ToHashSet(StringComparer.Ordinal);
            if (!before.Contains(denied.Keys[0]) && claimKeys.All(k => k == denied.Keys[0] || before.Contains(k)))
            {
                return true;
            }
        }
        return false;
    }
}
