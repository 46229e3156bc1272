using Microsoft.ML.Tokenizers;

namespace TruthGraph.Inference.Tokenization;

/// <summary>Token ids for one model input, with the count of tokens that truncation dropped.</summary>
public sealed record TokenizedInput(int[] Ids, int[] TypeIds, int TruncatedTokens)
{
    public int Length => Ids.Length;
    public bool Truncated => TruncatedTokens > 0;
}

/// <summary>
/// BERT WordPiece tokenization that reproduces Hugging Face's <c>tokenizers</c> output for uncased vocabularies:
/// our own basic pre-pass, then Microsoft.ML.Tokenizers' WordPiece on whitespace-separated words.
/// Thread-safe: encoding keeps no state.
/// </summary>
public sealed class BertWordPieceTokenizer
{
    private readonly BertTokenizer _wordPiece;
    private readonly bool _lowercase;

    private BertWordPieceTokenizer(BertTokenizer wordPiece, bool lowercase)
    {
        _wordPiece = wordPiece;
        _lowercase = lowercase;
    }

    public int ClsId => _wordPiece.ClassificationTokenId;
    public int SepId => _wordPiece.SeparatorTokenId;
    public int PadId => _wordPiece.PaddingTokenId;

    public static BertWordPieceTokenizer Create(Stream vocab, bool lowercase = true)
    {
        var options = new BertOptions
        {
            ApplyBasicTokenization = false,
            LowerCaseBeforeTokenization = false,
            // Special tokens are added by Encode below; matching them inside user text would let a text forge [SEP].
            SplitOnSpecialTokens = false,
            PreTokenizer = PreTokenizer.CreateWhiteSpace(),
            MaxInputCharsPerWord = 100,
        };
        return new BertWordPieceTokenizer(BertTokenizer.Create(vocab, options), lowercase);
    }

    /// <summary>WordPiece ids without special tokens.</summary>
    public IReadOnlyList<int> Pieces(string text) =>
        _wordPiece.EncodeToIds(HfBasicPreTokenizer.Apply(text, _lowercase), addSpecialTokens: false, considerNormalization: false);

    /// <summary><c>[CLS] text [SEP]</c>, cut to <paramref name="maxTokens"/> (special tokens included) as HF truncation does.</summary>
    public TokenizedInput Encode(string text, int maxTokens)
    {
        var pieces = Pieces(text);
        var keep = Math.Min(pieces.Count, Math.Max(0, maxTokens - 2));
        var ids = new int[keep + 2];
        ids[0] = ClsId;
        for (var i = 0; i < keep; i++)
        {
            ids[i + 1] = pieces[i];
        }
        ids[^1] = SepId;
        return new TokenizedInput(ids, new int[ids.Length], pieces.Count - keep);
    }

    /// <summary>
    /// <c>[CLS] a [SEP] b [SEP]</c> with type ids 0 then 1; over-long pairs lose tokens from the end of the longer
    /// sequence first (HF's <c>longest_first</c>).
    /// </summary>
    public TokenizedInput EncodePair(string first, string second, int maxTokens)
    {
        var a = Pieces(first);
        var b = Pieces(second);
        var (keepA, keepB) = LongestFirst(a.Count, b.Count, Math.Max(0, maxTokens - 3));
        var ids = new int[keepA + keepB + 3];
        var types = new int[ids.Length];
        var at = 0;
        ids[at++] = ClsId;
        for (var i = 0; i < keepA; i++) { ids[at++] = a[i]; }
        ids[at++] = SepId;
        for (var i = 0; i < keepB; i++) { types[at] = 1; ids[at++] = b[i]; }
        types[at] = 1;
        ids[at] = SepId;
        return new TokenizedInput(ids, types, a.Count - keepA + b.Count - keepB);
    }

    // The same split as HF's LongestFirst: the shorter keeps what it can, an odd remainder goes to the longer (or second).
    private static (int First, int Second) LongestFirst(int first, int second, int budget)
    {
        if (first + second <= budget)
        {
            return (first, second);
        }
        var swap = first > second;
        var (shorter, longer) = swap ? (second, first) : (first, second);
        longer = shorter > budget ? shorter : Math.Max(shorter, budget - shorter);
        if (shorter + longer > budget)
        {
            shorter = budget / 2;
            longer = shorter + budget % 2;
        }
        return swap ? (longer, shorter) : (shorter, longer);
    }
}
