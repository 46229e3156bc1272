using TruthGraph.Wording;

namespace TruthGraph.Api.UnitTests.Evaluation;

/// <summary>
/// The first claims (<c>TruthGraph.Api/Evaluation/Data/first-claims.json</c>): what a newcomer types first, verified against
/// the sample corpus by <c>eval samples --claims</c>. They are a second set beside the sample claims, so they must not
/// repeat them, and the corpus must at least name the subject of every claim it is expected to settle.
/// </summary>
public sealed class FirstClaimsTests
{
    private static IReadOnlyList<SampleClaim> Claims =>
        SampleDataFiles.ParseClaims(File.ReadAllBytes(EvaluationSetFiles.PathOf("first-claims.json")));

    [Fact]
    public void The_claims_are_distinct_have_known_verdicts_and_are_not_the_sample_claims()
    {
        var claims = Claims;
        Assert.Equal(40, claims.Count);
        Assert.Equal(claims.Count, claims.Select(c => c.Claim.Trim().ToLowerInvariant()).Distinct().Count());
        Assert.All(claims, c => Assert.True(VerdictNames.TryParse(c.ExpectedVerdict, out _), c.ExpectedVerdict));
        var verdicts = claims.Select(c => VerdictNames.TryParse(c.ExpectedVerdict, out var v) ? v : default).Distinct().Order();
        Assert.Equal([Verdict.Supported, Verdict.Refuted, Verdict.NotEnoughInfo], verdicts);
        var samples = SampleDataFiles.ReadClaims().Select(c => c.Claim).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(claims, c => samples.Contains(c.Claim));
    }

    [Fact]
    public void Every_claim_the_corpus_should_settle_shares_half_its_content_words_with_some_corpus_sentence()
    {
        var sentences = SampleDataFiles.ParseCorpus().Sentences.Select(s => KeysOf(s.Text)).ToList();
        foreach (var claim in Claims.Where(c => c.ExpectedVerdict != "NOT ENOUGH INFO"))
        {
            var keys = KeysOf(claim.Claim);
            Assert.True(sentences.Any(s => s.Intersect(keys).Count() >= Math.Max(1, keys.Count / 2)), claim.Claim);
        }
    }

    private static HashSet<string> KeysOf(string text) => Words.Tokenize(text).SelectMany(w => w.ContentKeys).ToHashSet(StringComparer.Ordinal);
}
