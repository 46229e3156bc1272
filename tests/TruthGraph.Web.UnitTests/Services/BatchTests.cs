using TruthGraph.Web.Services.Batch;

namespace TruthGraph.Web.UnitTests.Services;

public sealed class BatchTests
{
    [Fact]
    public void Pasted_lines_become_claims_in_order_blank_lines_are_ignored_and_an_overlong_one_is_named_by_its_line()
    {
        var tooLong = new string('x', BatchClaims.MaxClaimLength + 1);
        var batch = BatchClaims.FromLines($"  Sound can travel through a vacuum. \r\n\r\nWater boils at 100 °C.\n{tooLong}\nThe Moon orbits the Earth.");

        Assert.Equal(["Sound can travel through a vacuum.", "Water boils at 100 °C.", "The Moon orbits the Earth."], batch.Claims);
        var skipped = Assert.Single(batch.Skipped);
        Assert.Equal(4, skipped.LineNumber);
        Assert.Contains("2,001 characters", skipped.Reason);
    }

    [Fact]
    public void More_than_the_batch_limit_is_cut_at_the_limit_and_said()
    {
        var batch = BatchClaims.FromLines(string.Join('\n', Enumerable.Range(1, BatchClaims.MaxClaims + 2).Select(i => $"Claim {i}.")));

        Assert.Equal(BatchClaims.MaxClaims, batch.Claims.Count);
        Assert.Equal([BatchClaims.MaxClaims + 1, BatchClaims.MaxClaims + 2], batch.Skipped.Select(s => s.LineNumber));
    }

    [Fact]
    public void A_csv_file_gives_its_claim_column_with_quoted_commas_intact()
    {
        var batch = BatchClaims.FromCsv("id,claim\n1,\"Paris, not Lyon, is the capital of France.\"\n2,Glaciers are retreating.\n");

        Assert.Equal(["Paris, not Lyon, is the capital of France.", "Glaciers are retreating."], batch.Claims);
        Assert.Empty(batch.Skipped);
    }

    [Fact]
    public void A_csv_file_without_a_claim_column_among_several_is_refused_with_a_reason()
    {
        var batch = BatchClaims.FromCsv("id,text\n1,Glaciers are retreating.\n");

        Assert.Empty(batch.Claims);
        Assert.Contains("no \"claim\" column", Assert.Single(batch.Skipped).Reason);
    }

    [Fact]
    public void The_csv_export_has_one_row_per_claim_quotes_commas_and_defuses_a_formula()
    {
        var deciding = Samples.Evidence("Sound cannot travel through a vacuum, it needs a medium.", "contradiction", 0.01, 0.01, 0.98) with { Deciding = true };
        var results = new[]
        {
            Samples.Verification([deciding], verdict: "REFUTED", confidence: 0.98) with { Claim = "Sound can travel through a vacuum." },
            Samples.Verification([], verdict: "NOT_ENOUGH_INFO", confidence: 1) with { Claim = "=HYPERLINK(\"http://x\")" },
        };

        var lines = BatchExport.ToCsv(results).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

        Assert.Equal("claim,verdict,confidence,reason,deciding_evidence,verification_id", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Sound can travel through a vacuum.,REFUTED,0.98,,\"Sound cannot travel through a vacuum, it needs a medium.\",", lines[1]);
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://x\"\")\",NOT_ENOUGH_INFO,1,", lines[2]);
    }

    [Fact]
    public void The_history_filter_writes_only_what_is_set_escaped_with_inclusive_dates()
    {
        Assert.Equal("", new HistoryFilter().ToQuery());
        Assert.Equal("&verdict=REFUTED&q=CO2%20%26%20methane&from=2026-12-01&to=2026-12-03",
            new HistoryFilter("REFUTED", " CO2 & methane ", new DateTime(2026, 12, 1), new DateTime(2026, 12, 3)).ToQuery());
    }
}
