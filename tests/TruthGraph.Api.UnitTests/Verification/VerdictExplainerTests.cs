namespace TruthGraph.Api.UnitTests.Verification;

public sealed class VerdictExplainerTests
{
    private static readonly VerdictThresholds Thresholds = new(0.5, 0.5, MinSimilarity: 0.45, DisputeMargin: 0.15);

    private static PairScores Entails(double p, double similarity) => new(p, (1 - p) / 2, (1 - p) / 2, similarity);

    private static PairScores Contradicts(double p, double similarity) => new((1 - p) / 2, (1 - p) / 2, p, similarity);

    private static (IReadOnlyList<EvidenceRole> Roles, VerdictDecision Decision, string Reason) Explain(params PairScores[] evidence)
    {
        var decision = VerdictAggregator.Decide(evidence, Thresholds);
        var roles = evidence.Select((s, i) => VerdictExplainer.RoleOf(i, s, decision, Thresholds)).ToList();
        return (roles, decision, VerdictExplainer.Reason(decision, evidence, Thresholds));
    }

    [Fact]
    public void A_refuted_claim_names_its_refuting_sentence_and_gives_each_other_sentence_its_role()
    {
        var (roles, decision, reason) = Explain(
            Contradicts(0.91, 0.8), new PairScores(0.2, 0.7, 0.1, 0.6), Contradicts(0.95, 0.3));

        Assert.Equal([EvidenceRole.Refutes, EvidenceRole.Neutral, EvidenceRole.BelowFloor], roles);
        Assert.Equal([0], decision.DecidingEvidence);
        Assert.Equal("Refuted by 1 sentence (p = 0.91); no sentence above the relevance floor supports it.", reason);
    }

    [Fact]
    public void A_supported_claim_quotes_the_strongest_of_several_supporting_sentences()
    {
        var (roles, decision, reason) = Explain(Entails(0.7, 0.9), Entails(0.88, 0.8));

        Assert.Equal([EvidenceRole.Supports, EvidenceRole.Supports], roles);
        Assert.Equal([0, 1], decision.DecidingEvidence);
        Assert.Equal("Supported by 2 sentences (strongest p = 0.88); no sentence above the relevance floor refutes it.", reason);
    }

    [Fact]
    public void A_disputed_claim_rests_on_both_sides()
    {
        var (roles, decision, reason) = Explain(Entails(0.8, 0.9), Contradicts(0.77, 0.85));

        Assert.Equal([EvidenceRole.Supports, EvidenceRole.Refutes], roles);
        Assert.Equal([0, 1], decision.DecidingEvidence);
        Assert.Equal("Disputed: 1 sentence supports it (p = 0.80) and 1 sentence refutes it (p = 0.77).", reason);
    }

    [Fact]
    public void A_side_set_aside_by_the_dispute_margin_keeps_its_role_but_does_not_decide_and_the_reason_says_so()
    {
        var (roles, decision, reason) = Explain(Entails(0.9, 0.92), Contradicts(0.9, 0.6));

        Assert.Equal(Verdict.Supported, decision.Verdict);
        Assert.Equal([EvidenceRole.Supports, EvidenceRole.Refutes], roles);
        Assert.Equal([0], decision.DecidingEvidence);
        Assert.Equal([1], decision.SetAsideEvidence);
        Assert.EndsWith("1 refuting sentence was set aside: much less similar to the claim than the supporting evidence.", reason);
    }

    [Fact]
    public void A_side_set_aside_for_sharing_fewer_of_the_claims_words_says_so()
    {
        var (roles, decision, reason) = Explain(Entails(0.9, 0.87) with { ClaimCoverage = 0.7 }, Contradicts(0.72, 0.8) with { ClaimCoverage = 0.4 });

        Assert.Equal(Verdict.Supported, decision.Verdict);
        Assert.Equal([EvidenceRole.Supports, EvidenceRole.Refutes], roles);
        Assert.EndsWith("1 refuting sentence was set aside: it shares far fewer of the claim's words than the supporting evidence.", reason);
    }

    [Fact]
    public void Not_enough_info_says_when_its_strongest_contradiction_shares_too_few_of_the_claims_words()
    {
        var (roles, _, reason) = Explain(Contradicts(0.56, 0.62) with { ClaimCoverage = 0.1 });

        Assert.Equal([EvidenceRole.Neutral], roles);
        Assert.Equal("Not enough info: the one sentence above the relevance floor neither supports nor refutes the claim " +
            "(strongest: contradiction p = 0.56). That sentence shares too few of the claim's words to refute it.", reason);
    }

    [Fact]
    public void Not_enough_info_says_when_its_strongest_entailment_gives_the_superlative_for_a_narrower_group()
    {
        var (_, _, reason) = Explain(Entails(0.97, 0.95) with { NarrowsSuperlative = true });

        Assert.EndsWith("That sentence gives the claim's superlative only for a narrower group than the claim names, so it cannot support it.", reason);
    }

    [Fact]
    public void A_refutation_says_why_a_sentence_with_a_narrower_superlative_does_not_support_the_claim()
    {
        var (roles, decision, reason) = Explain(Entails(0.97, 0.95) with { NarrowsSuperlative = true }, Contradicts(0.97, 0.75));

        Assert.Equal(Verdict.Refuted, decision.Verdict);
        Assert.Equal([EvidenceRole.Neutral, EvidenceRole.Refutes], roles);
        Assert.EndsWith("A sentence that gives the claim's superlative only for a narrower group does not support it.", reason);
        Assert.DoesNotContain("narrower", Explain(Contradicts(0.97, 0.75)).Reason);
    }

    [Fact]
    public void Not_enough_info_says_when_its_strongest_contradiction_is_silent_on_the_future()
    {
        var (_, _, reason) = Explain(Contradicts(0.6, 0.77) with { SilentOnFuture = true });

        Assert.EndsWith("The claim says what will happen, and that sentence only what is or was: it cannot refute it.", reason);
    }

    [Fact]
    public void Not_enough_info_says_when_its_strongest_contradiction_gives_no_number_of_the_claims_kind()
    {
        var (_, _, reason) = Explain(Contradicts(0.6, 0.77) with { SilentOnQuantity = true });

        Assert.EndsWith("The claim gives a number, and that sentence none of its kind: it cannot refute it.", reason);
    }

    [Fact]
    public void Not_enough_info_says_when_its_strongest_contradiction_is_outweighed_by_neutral()
    {
        var (_, decision, reason) = Explain(new PairScores(0.01, 0.68, 0.31, 0.77));

        Assert.Equal(Verdict.NotEnoughInfo, decision.Verdict);
        Assert.EndsWith("The model reads that sentence as mostly neutral, so its contradiction is too weak to refute the claim.", reason);
    }

    [Fact]
    public void A_reason_in_the_words_is_said_before_how_neutral_the_model_read_the_sentence()
    {
        var (_, _, reason) = Explain(new PairScores(0.01, 0.68, 0.31, 0.77) with { SilentOnQuantity = true });

        Assert.EndsWith("The claim gives a number, and that sentence none of its kind: it cannot refute it.", reason);
    }

    [Fact]
    public void Whether_neutral_outweighed_a_contradiction_is_said_of_the_deciding_probabilities_not_the_calibrated_ones()
    {
        PairScores[] deciding = [new(0.01, 0.68, 0.31, 0.77)];
        PairScores[] shown = [new(0.10, 0.52, 0.38, 0.77)];
        var decision = VerdictAggregator.Decide(deciding, Thresholds, shown);

        Assert.EndsWith("too weak to refute the claim.", VerdictExplainer.Reason(decision, shown, Thresholds, deciding));
        Assert.DoesNotContain("mostly neutral", VerdictExplainer.Reason(decision, shown, Thresholds));
    }

    [Fact]
    public void A_dispute_kept_because_the_closer_sentence_cites_a_source_says_so()
    {
        var (_, decision, reason) = Explain(Entails(0.9, 0.92) with { CitesSource = true }, Contradicts(0.9, 0.6));

        Assert.Equal(Verdict.Disputed, decision.Verdict);
        Assert.Equal([0, 1], decision.DecidingEvidence);
        Assert.EndsWith("The closest sentence gives a source's account, so the other side counts though it is less similar to the claim.", reason);
    }

    [Fact]
    public void Not_enough_info_quotes_the_strongest_signal_and_counts_what_fell_below_the_floor()
    {
        var (roles, decision, reason) = Explain(new PairScores(0.1, 0.55, 0.35, 0.7), new PairScores(0.2, 0.7, 0.1, 0.5), Entails(0.99, 0.2));

        Assert.Equal([EvidenceRole.Neutral, EvidenceRole.Neutral, EvidenceRole.BelowFloor], roles);
        Assert.Empty(decision.DecidingEvidence);
        Assert.Equal("Not enough info: none of the 2 sentences above the relevance floor supports or refutes the claim " +
            "(strongest: contradiction p = 0.35). 1 sentence more was below the floor.", reason);
    }

    [Fact]
    public void No_evidence_says_none_was_retrieved_rather_than_a_probability()
    {
        var (_, decision, reason) = Explain();

        Assert.Equal(Verdict.NotEnoughInfo, decision.Verdict);
        Assert.Equal("No evidence retrieved: no sentence in the corpus reaches the relevance floor (similarity 0.45).", reason);
        Assert.DoesNotContain("p =", reason);
    }

    [Fact]
    public void Evidence_retrieved_only_below_the_floor_is_said_to_be_below_it()
    {
        var (roles, _, reason) = Explain(Entails(0.9, 0.3), Contradicts(0.9, 0.2));

        Assert.All(roles, role => Assert.Equal(EvidenceRole.BelowFloor, role));
        Assert.Equal("Not enough info: all 2 sentences retrieved are below the relevance floor (similarity 0.45).", reason);
    }
}
