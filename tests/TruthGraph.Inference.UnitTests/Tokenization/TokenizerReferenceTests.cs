using TruthGraph.Inference.Tokenization;

namespace TruthGraph.Inference.UnitTests.Tokenization;

/// <summary>The tokenizer against Hugging Face's own output (../shared/data/tokenizer), every row.</summary>
public sealed class TokenizerReferenceTests
{
    internal static readonly Lazy<BertWordPieceTokenizer> Tokenizer = new(() =>
    {
        var catalog = TestModels.Catalog();
        catalog.TryGet("all-minilm-l6-v2", out var model);
        using var vocab = ArtifactLoader.Open(model.Tokenizer.Vocab, ArtifactLoader.DefaultCacheDirectory);
        return BertWordPieceTokenizer.Create(vocab);
    });

    [Fact]
    public void Every_single_text_row_matches_hugging_face()
    {
        var (rows, mismatches) = CheckRows("bert-base-uncased-reference.jsonl", row =>
        {
            var text = row.GetProperty("text").GetString()!;
            var expected = Ints(row, "ids");
            var actual = Tokenizer.Value.Encode(text, maxTokens: 100_000);
            Assert.All(actual.TypeIds, t => Assert.Equal(0, t));
            return expected.SequenceEqual(actual.Ids)
                ? null
                : $"{JsonSerializer.Serialize(text)}\n  expected {string.Join(",", expected)}\n  actual   {string.Join(",", actual.Ids)}";
        });
        Assert.Equal(2021, rows);
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {rows} rows differ:\n{string.Join("\n", mismatches.Take(10))}");
    }

    [Fact]
    public void Every_pair_row_matches_hugging_face_with_token_type_ids()
    {
        var (rows, mismatches) = CheckRows("bert-base-uncased-pairs-reference.jsonl", row =>
        {
            var premise = row.GetProperty("premise").GetString()!;
            var hypothesis = row.GetProperty("hypothesis").GetString()!;
            var actual = Tokenizer.Value.EncodePair(premise, hypothesis, maxTokens: 100_000);
            return Ints(row, "ids").SequenceEqual(actual.Ids) && Ints(row, "type_ids").SequenceEqual(actual.TypeIds) ? null : $"{premise} || {hypothesis}";
        });
        Assert.Equal(300, rows);
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {rows} pairs differ:\n{string.Join("\n", mismatches.Take(10))}");
    }

    /// <summary>Every row of a reference file through <paramref name="mismatch"/> (null when the row matches): how many rows there were, and what differed.</summary>
    private static (int Rows, List<string> Mismatches) CheckRows(string file, Func<JsonElement, string?> mismatch)
    {
        var mismatches = new List<string>();
        var rows = 0;
        foreach (var line in File.ReadLines(SharedData.PathOf("tokenizer", file)))
        {
            using var row = JsonDocument.Parse(line);
            rows++;
            if (mismatch(row.RootElement) is { } difference)
            {
                mismatches.Add(difference);
            }
        }
        return (rows, mismatches);
    }

    private static int[] Ints(JsonElement row, string name) => row.GetProperty(name).EnumerateArray().Select(e => e.GetInt32()).ToArray();

    [Fact]
    public void Truncation_keeps_cls_and_sep_and_counts_the_dropped_tokens()
    {
        var text = string.Join(' ', Enumerable.Repeat("climate", 300));
        var full = Tokenizer.Value.Encode(text, maxTokens: 100_000);
        var cut = Tokenizer.Value.Encode(text, maxTokens: 256);

        Assert.Equal(302, full.Length);
        Assert.Equal(256, cut.Length);
        Assert.Equal(Tokenizer.Value.ClsId, cut.Ids[0]);
        Assert.Equal(Tokenizer.Value.SepId, cut.Ids[^1]);
        Assert.Equal(46, cut.TruncatedTokens);
        Assert.False(Tokenizer.Value.Encode("short", 256).Truncated);
    }

    [Fact]
    public void Pair_truncation_shortens_the_longer_text_first()
    {
        var longText = string.Join(' ', Enumerable.Repeat("ocean", 200));
        var cut = Tokenizer.Value.EncodePair(longText, "sea level rises", maxTokens: 64);

        Assert.Equal(64, cut.Length);
        Assert.Equal(4, cut.TypeIds.Count(t => t == 1)); // three words of the short text and the last [SEP] survive whole
        Assert.Equal(200 - (64 - 3 - 3), cut.TruncatedTokens); // 64 minus three special tokens minus the short text
    }
}
