using TruthGraph.Api.Verification.Wording;
using TruthGraph.Wording;

namespace TruthGraph.Api.UnitTests.Evaluation;

/// <summary>
/// The short claims (<c>TruthGraph.Api/Evaluation/Data/short-claims.json</c>): a true and a false form of what the sample
/// corpus says, as a user types them (a changed number, date, name or place, a negation, initials for a name), run by
/// <c>eval samples --claims</c>. They must repeat neither the sample claims nor the first claims, and the corpus must name
/// the subject of every claim it is expected to settle.
/// </summary>
public sealed class ShortClaimsTests
{
    private static IReadOnlyList<SampleClaim> Claims =>
        SampleDataFiles.ParseClaims(File.ReadAllBytes(EvaluationSetFiles.PathOf("short-claims.json")));

    [Fact]
    public void The_claims_are_distinct_have_known_verdicts_and_repeat_no_other_set()
    {
        var claims = Claims;
        Assert.Equal(173, claims.Count);
        Assert.Equal(claims.Count, claims.Select(c => c.Claim.Trim().ToLowerInvariant()).Distinct().Count());
        Assert.All(claims, c => Assert.True(VerdictNames.TryParse(c.ExpectedVerdict, out _), c.ExpectedVerdict));
        // Mostly true and false forms of the same facts: each kind of answer a user expects is there.
        Assert.True(claims.Count(c => c.ExpectedVerdict == "SUPPORTED") >= 50);
        Assert.True(claims.Count(c => c.ExpectedVerdict == "REFUTED") >= 45);
        var others = SampleDataFiles.ReadClaims()
            .Concat(SampleDataFiles.ParseClaims(File.ReadAllBytes(EvaluationSetFiles.PathOf("first-claims.json"))))
            .Select(c => c.Claim).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(claims, c => others.Contains(c.Claim));
    }

    [Fact]
    public void Every_claim_the_corpus_should_settle_shares_a_content_word_with_the_sentence_its_rationale_quotes()
    {
        var sentences = SampleDataFiles.ParseCorpus().Sentences.Select(s => s.Text).ToHashSet(StringComparer.Ordinal);
        foreach (var claim in Claims.Where(c => c.ExpectedVerdict != "NOT ENOUGH INFO"))
        {
            var quoted = claim.Rationale[(claim.Rationale.IndexOf(": ", StringComparison.Ordinal) + 2)..];
            Assert.True(sentences.Contains(quoted), $"{claim.Claim}: the rationale quotes no corpus sentence");
            // Initials count as the name the sentence writes ("IPCC" for "Intergovernmental Panel on Climate Change").
            Assert.True(KeysOf(Initialism.SpellOut(claim.Claim, quoted)).Overlaps(KeysOf(quoted)), claim.Claim);
        }
    }

    private static HashSet<string> KeysOf(string text) => Words.Tokenize(text).SelectMany(w => w.ContentKeys).ToHashSet(StringComparer.Ordinal);
}
