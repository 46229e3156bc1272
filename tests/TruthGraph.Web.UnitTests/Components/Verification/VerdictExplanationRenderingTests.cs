namespace TruthGraph.Web.UnitTests.Components.Verification;

/// <summary>How the Verify page and the history show why a verdict came out.</summary>
public sealed class VerdictExplanationRenderingTests
{
    private const string Claim = "Einstein published special relativity in 1920.";

    private static readonly IReadOnlyList<EvidenceView> Evidence =
    [
        Samples.Evidence("Einstein published special relativity in 1905.", "contradiction", 0.02, 0.07, 0.91) with { Role = "refutes", Deciding = true },
        Samples.Evidence("General relativity followed in 1915.", "neutral", 0.1, 0.8, 0.1) with { Role = "neutral" },
        Samples.Evidence("Einstein was born in Ulm.", "entailment", 0.6, 0.3, 0.1) with { Role = "below-floor" },
    ];

    private static VerificationView Refuted => Samples.Verification(Evidence, verdict: "REFUTED", confidence: 0.91) with
    {
        Claim = Claim,
        Explanation = new ExplanationView("Refuted by 1 sentence (p = 0.91); no sentence above the relevance floor supports it.", [Evidence[0].Id], 0.45),
    };

    [Fact]
    public async Task The_reason_and_the_confidence_in_words_are_shown_next_to_the_verdict()
    {
        await using var ctx = WebTestContext.Create();
        var panel = ctx.Render<VerificationResultPanel>(p => p.Add(c => c.Result, Refuted));

        Assert.Equal(Refuted.Explanation!.Reason, panel.Find("[data-testid=verdict-reason]").TextContent.Trim());
        Assert.Equal("Very likely false: the deciding sentence contradicts the claim with probability 91 %.",
            panel.Find("[data-testid=confidence-words]").TextContent.Trim());
    }

    [Fact]
    public async Task Evidence_is_grouped_by_role_with_the_deciding_side_first_and_probabilities_in_text()
    {
        await using var ctx = WebTestContext.Create();
        var panel = ctx.Render<VerificationResultPanel>(p => p.Add(c => c.Result, Refuted));

        Assert.Equal(["refutes", "neutral", "below-floor"], panel.FindAll("[data-testid=evidence-group]").Select(g => g.GetAttribute("data-role")));
        Assert.Equal(Evidence.Select(e => e.Text), panel.FindAll("[data-testid=evidence-row]").Select(r => r.TextContent));
        Assert.Equal("entails 2 % · neutral 7 % · contradicts 91 %", panel.FindAll("[data-testid=probability-text]")[0].TextContent.Trim());
    }

    [Fact]
    public async Task The_deciding_sentence_says_how_much_of_the_claim_it_talks_about()
    {
        await using var ctx = WebTestContext.Create();
        var withCoverage = Refuted with { Evidence = [Evidence[0] with { ClaimCoverage = 0.8 }, .. Evidence.Skip(1)] };
        var panel = ctx.Render<VerificationResultPanel>(p => p.Add(c => c.Result, withCoverage));

        var sentence = Assert.Single(panel.FindAll("[data-testid=deciding-sentence]"));
        Assert.Contains("similarity 0.71 · 80 % of the claim's words", sentence.TextContent);
        // A stored verification from before the share was kept shows none.
        var without = ctx.Render<VerificationResultPanel>(p => p.Add(c => c.Result, Refuted));
        Assert.DoesNotContain("of the claim's words", without.Find("[data-testid=deciding-sentence]").TextContent);
    }

    [Fact]
    public async Task The_deciding_sentence_highlights_the_changed_year_and_names_it_in_words()
    {
        await using var ctx = WebTestContext.Create();
        var panel = ctx.Render<VerificationResultPanel>(p => p.Add(c => c.Result, Refuted));

        var deciding = panel.FindAll("[data-testid=deciding-sentence]");
        var sentence = Assert.Single(deciding);
        var marks = sentence.QuerySelectorAll("[data-testid=aligned-text] mark");
        var mark = Assert.Single(marks);
        Assert.Equal("1905", mark.TextContent);
        Assert.Equal("date", mark.GetAttribute("data-kind"));
        Assert.Equal("“1920” (date)", sentence.QuerySelector("[data-testid=only-in-claim]")!.TextContent);
        Assert.Equal("“1905” (date)", sentence.QuerySelector("[data-testid=only-in-evidence]")!.TextContent);
        Assert.Equal("refutes", sentence.QuerySelector("[data-testid=evidence-role]")!.TextContent.Trim());
    }

    [Fact]
    public async Task A_sentence_whose_wording_overruled_the_model_says_so_under_it_and_no_other_does()
    {
        await using var ctx = WebTestContext.Create();
        var swapped = Samples.Evidence("Ottawa is the capital city of Canada.", "contradiction", 0.02, 0.03, 0.95)
            with { Role = "refutes", Deciding = true, Overruled = "swaps-name" };
        var result = Samples.Verification([swapped, Evidence[1]], verdict: "REFUTED", confidence: 0.95) with
        {
            Claim = "Toronto is the capital city of Canada.",
            Explanation = new ExplanationView("Refuted by 1 sentence (p = 0.95).", [swapped.Id], 0.45),
        };
        var panel = ctx.Render<VerificationResultPanel>(p => p.Add(c => c.Result, result));

        var note = Assert.Single(panel.FindAll("[data-testid=overruled]"));
        Assert.Contains("another name in place of the claim's", note.TextContent);
        Assert.Empty(ctx.Render<VerificationResultPanel>(p => p.Add(c => c.Result, Refuted)).FindAll("[data-testid=overruled]"));
    }

    /// <summary>Every kind of overrule in the API's contract (its WordingMatch enum), "none" left out.</summary>
    public static TheoryData<string> OverruleKinds()
    {
        var contract = Path.Combine(AppContext.BaseDirectory, "Contracts", "TruthGraph.Api.json");
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(contract));
        var kinds = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("WordingMatch").GetProperty("enum")
            .EnumerateArray().Where(e => e.ValueKind == System.Text.Json.JsonValueKind.String).Select(e => e.GetString()!).Where(k => k != "none");
        return [.. kinds];
    }

    [Theory]
    [MemberData(nameof(OverruleKinds))]
    public async Task Every_kind_of_overrule_that_the_API_can_send_is_explained_in_words(string overruled)
    {
        await using var ctx = WebTestContext.Create();
        var sentence = Samples.Evidence("Ottawa is the capital city of Canada.", "contradiction", 0.02, 0.03, 0.95)
            with { Role = "refutes", Deciding = true, Overruled = overruled };
        var result = Samples.Verification([sentence], verdict: "REFUTED", confidence: 0.95) with
        {
            Explanation = new ExplanationView("Refuted by 1 sentence (p = 0.95).", [sentence.Id], 0.45),
        };

        var note = Assert.Single(ctx.Render<VerificationResultPanel>(p => p.Add(c => c.Result, result)).FindAll("[data-testid=overruled]"));
        Assert.StartsWith("Read by its wording:", note.TextContent.Trim());
    }

    [Fact]
    public async Task Not_enough_info_without_evidence_says_no_evidence_retrieved_and_shows_no_percentage()
    {
        await using var ctx = WebTestContext.Create();
        var result = Samples.Verification([], verdict: "NOT_ENOUGH_INFO", confidence: 1.0);
        var panel = ctx.Render<VerificationResultPanel>(p => p.Add(c => c.Result, result));

        Assert.Equal("NOT ENOUGH INFO", panel.Find("[data-testid=verdict-chip]").TextContent.Trim());
        Assert.StartsWith("No evidence retrieved", panel.Find("[data-testid=confidence-words]").TextContent.Trim());
        Assert.DoesNotContain("%", panel.Find("[data-testid=verification-result]").TextContent);
        Assert.Empty(panel.FindAll("[data-testid=deciding-evidence]"));
    }

    [Fact]
    public async Task A_stored_verification_without_roles_shows_one_group_and_no_deciding_card()
    {
        await using var ctx = WebTestContext.Create();
        var old = Samples.Verification(Evidence.Select(e => e with { Role = null, Deciding = false }).ToList());
        var panel = ctx.Render<VerificationResultPanel>(p => p.Add(c => c.Result, old));

        Assert.Equal(["unknown"], panel.FindAll("[data-testid=evidence-group]").Select(g => g.GetAttribute("data-role")));
        Assert.Contains("roles were not recorded", panel.Find("[data-testid=evidence-group]").TextContent);
        Assert.Empty(panel.FindAll("[data-testid=deciding-evidence]"));
        Assert.Empty(panel.FindAll("[data-testid=verdict-reason]"));
    }
}
