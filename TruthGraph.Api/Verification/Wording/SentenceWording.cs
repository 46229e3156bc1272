namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// An evidence sentence's text, tokens and content words (<see cref="ContentWords"/>), read once for every check of it:
/// the wording checks, the claim's word share and the claim's counts and measures.
/// </summary>
internal sealed record SentenceWording(string Text, List<TruthGraph.Wording.Word> Tokens, List<ContentWord> Words)
{
    public static SentenceWording Of(string text)
    {
        var tokens = TruthGraph.Wording.Words.Tokenize(text);
        return new(text, tokens, ContentWords.Of(text, tokens));
    }
}
