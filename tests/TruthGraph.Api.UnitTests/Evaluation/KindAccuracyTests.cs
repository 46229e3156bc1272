using System.Text.Json;

namespace TruthGraph.Api.UnitTests.Evaluation;

public sealed class KindAccuracyTests
{
    private static LabelledClaim Claim(Verdict label, string? kind) => new("id", "claim", label, [], kind);

    [Fact]
    public void Claims_with_a_kind_get_one_row_per_kind_in_file_order_with_the_verdicts_given()
    {
        LabelledClaim[] claims =
        [
            Claim(Verdict.Refuted, "negation"), Claim(Verdict.Supported, "paraphrase"), Claim(Verdict.Refuted, "negation"),
            Claim(Verdict.Refuted, "negation"), Claim(Verdict.Supported, "paraphrase"),
        ];
        Verdict[] given = [Verdict.Refuted, Verdict.Supported, Verdict.Supported, Verdict.NotEnoughInfo, Verdict.Supported];

        var rows = KindAccuracy.From(claims, given)!;

        Assert.Equal(["negation", "paraphrase"], rows.Select(r => r.Kind));
        var negation = rows[0];
        Assert.Equal(("REFUTED", 3, 1), (negation.Gold, negation.Claims, negation.Correct));
        Assert.Equal(0.3333, negation.Accuracy);
        Assert.Equal(new Dictionary<string, int> { ["SUPPORTED"] = 1, ["REFUTED"] = 1, ["DISPUTED"] = 0, ["NOT_ENOUGH_INFO"] = 1 }, negation.Verdicts);
        Assert.Equal(("SUPPORTED", 2, 2, 1.0), (rows[1].Gold, rows[1].Claims, rows[1].Correct, rows[1].Accuracy));

        var text = new StringWriter();
        KindAccuracy.Print(text, rows);
        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("claims per kind (verdicts given):", lines[0]);
        Assert.Equal(["kind", "gold", "claims", "correct", "accuracy", "SUPPORTED", "REFUTED", "DISPUTED", "NOT_ENOUGH"],
            lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["negation", "REFUTED", "3", "1", "0.333", "1", "1", "0", "1"], lines[2].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["paraphrase", "SUPPORTED", "2", "2", "1.000", "2", "0", "0", "0"], lines[3].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Claims_without_a_kind_get_no_table_and_no_kinds_field_in_the_json_report()
    {
        LabelledClaim[] claims = [Claim(Verdict.Supported, null), Claim(Verdict.Refuted, null)];
        Assert.Null(KindAccuracy.From(claims, [Verdict.Supported, Verdict.Supported]));

        var report = Report(null);
        var json = JsonSerializer.Serialize(report, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.DoesNotContain("\"kinds\"", json);
        var text = new StringWriter();
        report.Print(text);
        Assert.DoesNotContain("claims per kind", text.ToString());

        var withKinds = Report(KindAccuracy.From([Claim(Verdict.Refuted, "date")], [Verdict.Refuted]));
        using var parsed = JsonDocument.Parse(JsonSerializer.Serialize(withKinds, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        var row = parsed.RootElement.GetProperty("kinds")[0];
        Assert.Equal("date", row.GetProperty("kind").GetString());
        Assert.Equal(1, row.GetProperty("correct").GetInt32());
        Assert.Equal(1, row.GetProperty("verdicts").GetProperty("REFUTED").GetInt32());
        text = new StringWriter();
        withKinds.Print(text);
        Assert.Contains("claims per kind", text.ToString());
    }

    [Fact]
    public void The_sample_claims_check_counts_the_right_ones_and_lists_the_others()
    {
        SampleClaim[] claims =
        [
            new("A.", "SUPPORTED", "t", "r"), new("B.", "NOT ENOUGH INFO", "t", "r"), new("C.", "REFUTED", "t", "r"),
        ];
        var check = SampleClaimsCheck.From(claims, [Verdict.Supported, Verdict.NotEnoughInfo, Verdict.Disputed]);

        Assert.Equal((2, 3), (check.Right, check.Total));
        Assert.Equal([new SampleClaimsCheck.Miss("C.", "REFUTED", "DISPUTED")], check.Wrong);
        var text = new StringWriter();
        check.Print(text);
        Assert.Equal(["sample claims: 2 of 3 right", "  expected REFUTED, got DISPUTED: C."],
            text.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_shipped_sample_claims_all_have_an_expected_verdict_the_check_understands()
    {
        var claims = SampleDataFiles.ReadClaims();
        var check = SampleClaimsCheck.From(claims, claims.Select(_ => Verdict.Supported).ToList());
        Assert.Equal(claims.Count, check.Total);
        Assert.Equal(claims.Count(c => c.ExpectedVerdict == "SUPPORTED"), check.Right);
    }

    private static EvaluationReport Report(IReadOnlyList<KindAccuracy>? kinds)
    {
        var claims = ClassificationReport.From(VerdictNames.Names, [(0, 0)]);
        var pairs = ClassificationReport.From(["entailment", "neutral", "contradiction"], [(0, 0)]);
        return new EvaluationReport("embed", "nli", 10, claims, pairs, new Dictionary<string, LatencySummary>(),
            LatencySummary.Of([]), 1, 1, kinds);
    }
}
