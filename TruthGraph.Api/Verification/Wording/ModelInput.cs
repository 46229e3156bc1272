namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// The (premise, hypothesis) pair the NLI model reads for one evidence sentence and one claim, the same wherever the
/// pipeline's pairs are scored (verification, evaluation, calibration): the claim with its initials spelt out as the
/// sentence or the corpus writes them (<see cref="Initialism.SpellOut"/>), and the sentence without corrections the
/// claim says nothing of (<see cref="Correction.Without"/>). What users see and what is stored stay as written.
/// </summary>
public static class ModelInput
{
    public static (string Premise, string Hypothesis) For(string sentence, string claim, Func<string, string?>? corpusName = null)
    {
        var hypothesis = Initialism.SpellOut(claim, sentence, corpusName);
        return (Correction.Without(sentence, hypothesis), hypothesis);
    }

    /// <summary>
    /// What the reason should add when the model read the deciding pair otherwise than the user sees it: "The model read
    /// "WTO" as "World Trade Organization"." and "The model read the deciding sentence without "not true nuts", which the
    /// claim says nothing of."; empty when it read both as written.
    /// </summary>
    public static string Note(string claim, string sentence, string premise, string hypothesis)
    {
        var note = "";
        if (hypothesis != claim)
        {
            var spelt = Initialism.In(claim).Where(letters => !Initialism.Writes(hypothesis, letters)).ToList();
            var (kept, _) = Differ(claim, hypothesis);
            note += spelt.Count == 1 && kept is { Length: > 0 }
                ? $" The model read \"{spelt[0]}\" as \"{kept}\", the name as the evidence writes it."
                : " The model read the claim's initials as the names the evidence writes.";
        }
        if (premise != sentence && Differ(premise, sentence).Changed is { Length: > 0 } leftOut)
        {
            note += $" The model read the deciding sentence without \"{leftOut}\", which the claim says nothing of.";
        }
        return note;
    }

    /// <summary>What <paramref name="after"/> has in place of <paramref name="before"/>'s middle, and that middle: the text between their common start and end.</summary>
    private static (string Changed, string Original) Differ(string before, string after)
    {
        var start = 0;
        while (start < before.Length && start < after.Length && before[start] == after[start])
        {
            start++;
        }
        // Whole words: "The WTO" and "The World" share "The W", but the word that changed is "WTO".
        var midWord = start < before.Length && start < after.Length && char.IsLetterOrDigit(before[start]) && char.IsLetterOrDigit(after[start]);
        while (midWord && start > 0 && char.IsLetterOrDigit(before[start - 1]))
        {
            start--;
        }
        var end = 0;
        while (end < before.Length - start && end < after.Length - start && before[^(end + 1)] == after[^(end + 1)])
        {
            end++;
        }
        midWord = end < before.Length - start && end < after.Length - start
            && char.IsLetterOrDigit(before[^(end + 1)]) && char.IsLetterOrDigit(after[^(end + 1)]);
        while (midWord && end > 0 && char.IsLetterOrDigit(before[^end]))
        {
            end--;
        }
        return (after[start..^end].Trim(' ', ',', ';', '–', '—'), before[start..^end]);
    }

    /// <summary>The same as a pair for the inference service, with the embeddings a bi-encoder head reads.</summary>
    public static NliPair Pair(string sentence, string claim, Func<string, string?>? corpusName = null,
        float[]? sentenceEmbedding = null, float[]? claimEmbedding = null)
    {
        var (premise, hypothesis) = For(sentence, claim, corpusName);
        return new NliPair(premise, hypothesis, sentenceEmbedding, claimEmbedding);
    }
}
