namespace TruthGraph.Api.UnitTests.SampleData;

public sealed class SampleDataTests
{
    [Fact]
    public void The_sample_corpus_parses_cleanly_with_at_least_300_unique_sentences()
    {
        var parsed = IngestionFormats.Parse(IngestionFormat.JsonLines, SampleDataFiles.ReadCorpus(), new ParseOptions(SampleDataFiles.CorpusSource, null));
        Assert.Empty(parsed.Errors);
        Assert.True(parsed.Sentences.Count >= 300, $"{parsed.Sentences.Count} sentences");
        Assert.Equal(parsed.Sentences.Count, parsed.Sentences.Select(s => s.ExternalId).Distinct().Count());
        Assert.Equal(parsed.Sentences.Count, parsed.Sentences.Select(s => s.Text).Distinct().Count());
        Assert.True(parsed.Sentences.Select(s => s.DocumentTitle).Distinct().Count() >= 10, "varied topics");
    }

    [Fact]
    public void The_sample_claims_cover_all_four_verdicts()
    {
        var claims = SampleDataFiles.ReadClaims();
        Assert.True(claims.Count >= 30);
        foreach (var verdict in new[] { "SUPPORTED", "REFUTED", "DISPUTED", "NOT ENOUGH INFO" })
        {
            Assert.True(claims.Count(c => c.ExpectedVerdict == verdict) >= 3, verdict);
        }
        Assert.All(claims, c => Assert.False(string.IsNullOrWhiteSpace(c.Claim)));
    }
}
