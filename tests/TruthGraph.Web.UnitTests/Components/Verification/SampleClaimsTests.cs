using System.Text.Json;

namespace TruthGraph.Web.UnitTests.Components.Verification;

/// <summary>The Verify page's sample chips: every expected verdict shown and named, on the API's real sample file.</summary>
public sealed class SampleClaimsTests
{
    private static IReadOnlyList<SampleClaim> RealSamples() =>
        JsonSerializer.Deserialize<List<SampleClaim>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SampleData", "claims.json")),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    [Fact]
    public async Task The_chips_mix_all_four_expected_verdicts_and_name_each_one()
    {
        var samples = RealSamples();
        Assert.Equal(38, samples.Count);
        // The reason for the mix: the file lists its SUPPORTED claims first.
        Assert.All(samples.Take(SampleClaims.ChipCount), s => Assert.Equal("SUPPORTED", s.ExpectedVerdict));
        await using var ctx = WebTestContext.Create();

        var chips = ctx.Render<SampleClaims>(p => p.Add(c => c.Samples, samples)).FindAll("[data-testid=example-claims] .mud-chip");

        Assert.Equal(SampleClaims.ChipCount, chips.Count);
        var expected = chips.Select(c => c.GetAttribute("data-expected-verdict")).ToList();
        foreach (var verdict in new[] { "SUPPORTED", "REFUTED", "DISPUTED", "NOT_ENOUGH_INFO" })
        {
            Assert.Equal(3, expected.Count(v => v == verdict));
        }
        Assert.All(chips, chip => Assert.EndsWith(VerdictChip.Label(chip.GetAttribute("data-expected-verdict")!), chip.TextContent.Trim()));
        Assert.Contains(chips, chip => chip.TextContent.Contains("· NOT ENOUGH INFO"));
    }

    [Fact]
    public async Task Clicking_a_chip_hands_its_claim_to_the_page()
    {
        var samples = RealSamples();
        SampleClaim? picked = null;
        await using var ctx = WebTestContext.Create();
        var chips = ctx.Render<SampleClaims>(p => p.Add(c => c.Samples, samples).Add(c => c.OnPick, (SampleClaim s) => picked = s));

        var refuted = chips.FindAll(".mud-chip").First(c => c.GetAttribute("data-expected-verdict") == "REFUTED");
        refuted.Click();

        Assert.NotNull(picked);
        Assert.Equal("REFUTED", picked.ExpectedVerdict);
        Assert.StartsWith(picked.Claim, refuted.TextContent.Trim());
    }

    [Fact]
    public void A_verdict_with_few_claims_gives_its_turn_to_the_others()
    {
        var samples = new List<SampleClaim>
        {
            new("s1", "SUPPORTED", null, null), new("s2", "SUPPORTED", null, null), new("s3", "SUPPORTED", null, null),
            new("n1", "NOT ENOUGH INFO", null, null), new("r1", "REFUTED", null, null),
        };

        var mix = SampleClaimChoice.Mix(samples, 4).Select(s => s.Claim).ToList();

        Assert.Equal(["s1", "r1", "n1", "s2"], mix);
    }

    [Fact]
    public void A_check_counts_the_expected_verdicts_and_lists_the_misses_in_order()
    {
        var claims = new List<SampleClaim>
        {
            new("a", "SUPPORTED", null, null), new("b", "NOT ENOUGH INFO", null, null), new("c", "REFUTED", null, null),
        };

        var tally = SampleCheckTally.Empty
            .Add(claims[..2], ["SUPPORTED", "NOT_ENOUGH_INFO"])
            .Add(claims[2..], ["DISPUTED"]);

        Assert.Equal(3, tally.Checked);
        Assert.Equal(2, tally.AsExpected);
        Assert.Equal([new SampleMiss("c", "REFUTED", "DISPUTED")], tally.Misses);
    }
}
