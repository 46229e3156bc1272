using TruthGraph.Wording;

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
        var claimKeys = Words.Tokenize(hypothesis).SelectMany(w => w.ContentKeys).ToHashSet(StringComparer.Ordinal);
        return (Correction.Without(sentence, claimKeys), hypothesis);
    }

    /// <summary>The same as a pair for the inference service, with the embeddings a bi-encoder head reads.</summary>
    public static NliPair Pair(string sentence, string claim, Func<string, string?>? corpusName = null,
        float[]? sentenceEmbedding = null, float[]? claimEmbedding = null)
    {
        var (premise, hypothesis) = For(sentence, claim, corpusName);
        return new NliPair(premise, hypothesis, sentenceEmbedding, claimEmbedding);
    }
}
