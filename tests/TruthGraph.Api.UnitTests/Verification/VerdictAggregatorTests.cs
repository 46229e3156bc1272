namespace TruthGraph.Api.UnitTests.Verification;

public sealed class VerdictAggregatorTests
{
    private static readonly VerdictThresholds Half = new(0.5, 0.5);
    private static readonly PairScores Neutral = new(0.1, 0.8, 0.1);

    private static PairScores Entails(double p, double similarity = 1) => new(p, (1 - p) / 2, (1 - p) / 2, similarity);

    private static PairScores Contradicts(double p, double similarity = 1) => new((1 - p) / 2, (1 - p) / 2, p, similarity);

    [Fact]
    public void Supporting_evidence_alone_gives_supported_with_the_strongest_entailment_as_confidence()
    {
        var decision = VerdictAggregator.Decide([Neutral, Entails(0.7), Entails(0.9)], Half);

        Assert.Equal(Verdict.Supported, decision.Verdict);
        Assert.Equal(0.9, decision.Confidence, 6);
        Assert.Equal([1, 2], decision.SupportingEvidence);
        Assert.Empty(decision.RefutingEvidence);
    }

    [Fact]
    public void Refuting_evidence_alone_gives_refuted()
    {
        var decision = VerdictAggregator.Decide([Contradicts(0.6), Neutral], Half);

        Assert.Equal(Verdict.Refuted, decision.Verdict);
        Assert.Equal(0.6, decision.Confidence, 6);
        Assert.Equal([0], decision.RefutingEvidence);
    }

    [Fact]
    public void Both_kinds_give_disputed_with_the_weaker_side_as_confidence()
    {
        var decision = VerdictAggregator.Decide([Entails(0.95), Contradicts(0.65), Neutral], Half);

        Assert.Equal(Verdict.Disputed, decision.Verdict);
        Assert.Equal(0.65, decision.Confidence, 6);
    }

    [Fact]
    public void Neither_gives_not_enough_info_with_the_distance_of_the_strongest_signal()
    {
        var decision = VerdictAggregator.Decide([Neutral, Entails(0.45)], Half);

        Assert.Equal(Verdict.NotEnoughInfo, decision.Verdict);
        Assert.Equal(0.55, decision.Confidence, 6);
        Assert.Equal(1.0, VerdictAggregator.Decide([], Half).Confidence);
    }

    [Fact]
    public void Thresholds_decide_what_counts()
    {
        PairScores weak = new(0.40, 0.35, 0.25);

        Assert.Equal(Verdict.NotEnoughInfo, VerdictAggregator.Decide([weak], Half).Verdict);
        Assert.Equal(Verdict.Supported, VerdictAggregator.Decide([weak], new VerdictThresholds(0.4, 0.5)).Verdict);
    }

    [Fact]
    public void One_evidence_never_counts_both_ways_even_with_low_thresholds()
    {
        PairScores split = new(0.45, 0.10, 0.45);

        var decision = VerdictAggregator.Decide([split], new VerdictThresholds(0.3, 0.3));

        // A tie goes to support; the evidence is not also counted as refuting, so no DISPUTED from one sentence.
        Assert.Equal(Verdict.Supported, decision.Verdict);
        Assert.Empty(decision.RefutingEvidence);
    }

    [Fact]
    public void Gold_evidence_labels_reproduce_the_four_climate_fever_claim_labels()
    {
        PairScores supports = new(1, 0, 0), nei = new(0, 1, 0), refutes = new(0, 0, 1);

        Assert.Equal(Verdict.Supported, VerdictAggregator.Decide([supports, nei, nei, supports, nei], Half).Verdict);
        Assert.Equal(Verdict.Refuted, VerdictAggregator.Decide([nei, refutes, nei, nei, nei], Half).Verdict);
        Assert.Equal(Verdict.Disputed, VerdictAggregator.Decide([supports, refutes, nei, nei, nei], Half).Verdict);
        Assert.Equal(Verdict.NotEnoughInfo, VerdictAggregator.Decide([nei, nei, nei, nei, nei], Half).Verdict);
    }

    [Fact]
    public void Evidence_below_the_similarity_floor_counts_neither_way()
    {
        var floor = new VerdictThresholds(0.5, 0.5, MinSimilarity: 0.5);
        PairScores unrelatedContradiction = new(0.1, 0.1, 0.8, Similarity: 0.3);
        PairScores relatedSupport = new(0.9, 0.05, 0.05, Similarity: 0.8);

        var decision = VerdictAggregator.Decide([relatedSupport, unrelatedContradiction], floor);
        var withoutFloor = VerdictAggregator.Decide([relatedSupport, unrelatedContradiction], Half);

        Assert.Equal(Verdict.Supported, decision.Verdict);
        Assert.Empty(decision.RefutingEvidence);
        Assert.Equal(Verdict.Disputed, withoutFloor.Verdict);
    }

    [Fact]
    public void Only_unrelated_evidence_gives_not_enough_info()
    {
        var floor = new VerdictThresholds(0.5, 0.5, MinSimilarity: 0.5);

        var decision = VerdictAggregator.Decide([new PairScores(0.9, 0.05, 0.05, Similarity: 0.2)], floor);

        Assert.Equal(Verdict.NotEnoughInfo, decision.Verdict);
    }

    [Fact]
    public void A_refute_floor_above_the_relevance_floor_keeps_a_loosely_related_contradiction_from_refuting()
    {
        var thresholds = new VerdictThresholds(0.5, 0.5, MinSimilarity: 0.45, RefuteMinSimilarity: 0.6);
        PairScores nearFact = Contradicts(0.9, similarity: 0.55), mutatedFact = Contradicts(0.9, similarity: 0.85), support = Entails(0.8, similarity: 0.5);

        Assert.Equal(0.6, thresholds.RefuteFloor);
        Assert.Equal(Verdict.NotEnoughInfo, VerdictAggregator.Decide([nearFact], thresholds).Verdict);
        Assert.Equal(Verdict.Refuted, VerdictAggregator.Decide([nearFact, mutatedFact], thresholds).Verdict);
        // Support still only needs the relevance floor.
        Assert.Equal(Verdict.Supported, VerdictAggregator.Decide([support, nearFact], thresholds).Verdict);
        // Without a refute floor, or one below the relevance floor, the relevance floor alone decides.
        Assert.Equal(Verdict.Refuted, VerdictAggregator.Decide([nearFact], thresholds with { RefuteMinSimilarity = null }).Verdict);
        Assert.Equal(0.45, (thresholds with { RefuteMinSimilarity = 0.3 }).RefuteFloor);
    }

    [Fact]
    public void A_dispute_margin_lets_the_much_closer_side_decide_and_keeps_a_close_conflict_disputed()
    {
        PairScores sameFact = Entails(0.9, similarity: 0.92), otherLiquid = Contradicts(0.9, similarity: 0.6), conflictingSource = Contradicts(0.9, similarity: 0.85);
        var thresholds = new VerdictThresholds(0.5, 0.5, MinSimilarity: 0.45, DisputeMargin: 0.15);

        var decision = VerdictAggregator.Decide([sameFact, otherLiquid], thresholds);
        Assert.Equal(Verdict.Supported, decision.Verdict);
        Assert.Empty(decision.RefutingEvidence);
        Assert.Equal(Verdict.Refuted, VerdictAggregator.Decide([sameFact with { Similarity = 0.6 }, conflictingSource], thresholds).Verdict);
        Assert.Equal(Verdict.Disputed, VerdictAggregator.Decide([sameFact, conflictingSource], thresholds).Verdict);
        // Without a margin any refutation above the floors disputes.
        Assert.Equal(Verdict.Disputed, VerdictAggregator.Decide([sameFact, otherLiquid], thresholds with { DisputeMargin = null }).Verdict);
    }

    [Fact]
    public void The_dispute_margin_is_waived_when_the_closer_side_cites_a_source()
    {
        // "Most reference works list the Nile … as the longest river" against "A 2007 Brazilian expedition measured the Amazon …".
        PairScores reported = Entails(0.9, similarity: 0.9) with { CitesSource = true }, conflicting = Contradicts(0.6, similarity: 0.5);
        var thresholds = new VerdictThresholds(0.5, 0.5, MinSimilarity: 0.45, DisputeMargin: 0.15);

        var decision = VerdictAggregator.Decide([reported, conflicting], thresholds);
        Assert.Equal(Verdict.Disputed, decision.Verdict);
        Assert.True(decision.MarginWaived);
        Assert.Empty(decision.SetAsideEvidence);
        // A plain statement keeps the margin, and so does a far side that cites a source: it may be about something else.
        Assert.Equal(Verdict.Supported, VerdictAggregator.Decide([reported with { CitesSource = false }, conflicting], thresholds).Verdict);
        var farCites = VerdictAggregator.Decide([reported with { CitesSource = false }, conflicting with { CitesSource = true }], thresholds);
        Assert.Equal(Verdict.Supported, farCites.Verdict);
        Assert.False(farCites.MarginWaived);
        // Within the margin nothing is waived: the conflict counts anyway.
        var close = VerdictAggregator.Decide([reported, conflicting with { Similarity = 0.85 }], thresholds);
        Assert.Equal(Verdict.Disputed, close.Verdict);
        Assert.False(close.MarginWaived);
    }

    [Fact]
    public void Evidence_that_shares_too_few_of_the_claims_words_does_not_refute_it()
    {
        // "Koalas sleep for up to twenty hours a day." against "Koalas feed almost entirely on … eucalyptus" (1 word of 5).
        var otherHabit = Contradicts(0.56, similarity: 0.62) with { ClaimCoverage = 0.1 };
        var thresholds = new VerdictThresholds(0.5, 0.5, MinSimilarity: 0.45);

        Assert.True(VerdictAggregator.SharesTooFewWords(otherHabit));
        Assert.Equal(Verdict.NotEnoughInfo, VerdictAggregator.Decide([otherHabit], thresholds).Verdict);
        Assert.Equal(Verdict.Refuted, VerdictAggregator.Decide([otherHabit with { ClaimCoverage = VerdictAggregator.RefuteMinCoverage }], thresholds).Verdict);
        // Words not read (the wording checks off): the model's reading stands.
        Assert.Equal(Verdict.Refuted, VerdictAggregator.Decide([otherHabit with { ClaimCoverage = null }], thresholds).Verdict);
        // Support has no such floor: a paraphrase may share few words.
        Assert.Equal(Verdict.Supported, VerdictAggregator.Decide([Entails(0.9, similarity: 0.8) with { ClaimCoverage = 0.1 }], thresholds).Verdict);
    }

    [Fact]
    public void A_dispute_left_by_the_similarity_margin_is_settled_for_the_side_that_shares_more_of_the_claims_words()
    {
        // "No living bird lays bigger eggs than the ostrich.": "The ostrich lays the largest eggs of any living bird."
        // (5 of 7 words) against "Although it is the largest living bird, the ostrich cannot fly." (3 of 7).
        PairScores eggs = Entails(0.92, similarity: 0.87) with { ClaimCoverage = 5 / 7.0 }, flight = Contradicts(0.72, similarity: 0.8) with { ClaimCoverage = 3 / 7.0 };
        var thresholds = new VerdictThresholds(0.5, 0.5, MinSimilarity: 0.45, DisputeMargin: 0.08);

        var decision = VerdictAggregator.Decide([eggs, flight], thresholds);
        Assert.Equal(Verdict.Supported, decision.Verdict);
        Assert.Equal([1], decision.SetAsideEvidence);
        Assert.True(decision.SetAsideForWords);
        // It works either way round, and without a similarity margin too.
        var refuted = VerdictAggregator.Decide([eggs with { ClaimCoverage = 0.2 }, flight], thresholds with { DisputeMargin = null });
        Assert.Equal(Verdict.Refuted, refuted.Verdict);
        Assert.Equal([0], refuted.SetAsideEvidence);
        // Sides that share about as many words, or words not read, stay a dispute.
        Assert.Equal(Verdict.Disputed, VerdictAggregator.Decide([eggs, flight with { ClaimCoverage = 5 / 7.0 - 0.05 }], thresholds).Verdict);
        Assert.Equal(Verdict.Disputed, VerdictAggregator.Decide([eggs with { ClaimCoverage = null }, flight], thresholds).Verdict);
        // Two accounts, either of them a source's, stay a dispute however they are worded.
        var accounts = VerdictAggregator.Decide([eggs, flight with { CitesSource = true }], thresholds);
        Assert.Equal(Verdict.Disputed, accounts.Verdict);
        Assert.False(accounts.SetAsideForWords);
    }

    [Fact]
    public void A_side_the_similarity_margin_set_aside_is_not_said_to_be_set_aside_for_its_words()
    {
        PairScores close = Entails(0.9, similarity: 0.92) with { ClaimCoverage = 1 }, far = Contradicts(0.9, similarity: 0.6) with { ClaimCoverage = 0.3 };

        var decision = VerdictAggregator.Decide([close, far], new VerdictThresholds(0.5, 0.5, MinSimilarity: 0.45, DisputeMargin: 0.15));

        Assert.Equal(Verdict.Supported, decision.Verdict);
        Assert.Equal([1], decision.SetAsideEvidence);
        Assert.False(decision.SetAsideForWords);
    }

    [Fact]
    public void Evidence_silent_on_the_future_does_not_refute_a_prediction_but_may_support_it()
    {
        var thresholds = new VerdictThresholds(0.5, 0.5, MinSimilarity: 0.45);
        var pastMeasurement = Contradicts(0.6, similarity: 0.77) with { SilentOnFuture = true };

        Assert.Equal(Verdict.NotEnoughInfo, VerdictAggregator.Decide([pastMeasurement], thresholds).Verdict);
        Assert.Equal(Verdict.Refuted, VerdictAggregator.Decide([pastMeasurement with { SilentOnFuture = false }], thresholds).Verdict);
        Assert.Equal(Verdict.Supported, VerdictAggregator.Decide([Entails(0.8, similarity: 0.77) with { SilentOnFuture = true }], thresholds).Verdict);
    }

    [Fact]
    public void Evidence_giving_the_claims_superlative_for_a_narrower_group_does_not_support_it_but_another_sentence_may_refute_it()
    {
        var thresholds = new VerdictThresholds(0.5, 0.5, MinSimilarity: 0.45);
        var internalOrgan = Entails(0.97, similarity: 0.95) with { NarrowsSuperlative = true };
        var skin = Contradicts(0.97, similarity: 0.75);

        Assert.Equal(Verdict.NotEnoughInfo, VerdictAggregator.Decide([internalOrgan], thresholds).Verdict);
        Assert.Equal(Verdict.Supported, VerdictAggregator.Decide([internalOrgan with { NarrowsSuperlative = false }], thresholds).Verdict);
        Assert.Equal(Verdict.Refuted, VerdictAggregator.Decide([internalOrgan, skin], thresholds).Verdict);
    }

    [Fact]
    public void Evidence_silent_on_the_claims_number_does_not_refute_it_but_may_support_it()
    {
        var thresholds = new VerdictThresholds(0.5, 0.5, MinSimilarity: 0.45);
        var otherFact = Contradicts(0.6, similarity: 0.7) with { SilentOnQuantity = true };

        Assert.Equal(Verdict.NotEnoughInfo, VerdictAggregator.Decide([otherFact], thresholds).Verdict);
        Assert.Equal(Verdict.Refuted, VerdictAggregator.Decide([otherFact with { SilentOnQuantity = false }], thresholds).Verdict);
        Assert.Equal(Verdict.Supported, VerdictAggregator.Decide([Entails(0.8, similarity: 0.7) with { SilentOnQuantity = true }], thresholds).Verdict);
    }

    [Fact]
    public void A_contradiction_outweighed_by_neutral_does_not_refute_unless_the_sentence_gives_the_claims_kind_of_number()
    {
        var thresholds = new VerdictThresholds(0.32, 0.30, MinSimilarity: 0.45);
        // "Beethoven was born in Bonn." against a sentence about his deafness.
        var otherFact = new PairScores(0.01, 0.68, 0.31, 0.52);

        Assert.True(VerdictAggregator.OutweighedByNeutral(otherFact));
        Assert.Equal(Verdict.NotEnoughInfo, VerdictAggregator.Decide([otherFact], thresholds).Verdict);
        Assert.Equal(Verdict.Refuted, VerdictAggregator.Decide([otherFact with { AnswersQuantity = true }], thresholds).Verdict);
        // Within the margin the contradiction counts.
        Assert.Equal(Verdict.Refuted, VerdictAggregator.Decide([new PairScores(0.01, 0.50, 0.49, 0.52)], thresholds).Verdict);
    }

    [Theory]
    // Torn (contradiction ahead by less than the margin) on a close sentence whose words agree: support.
    [InlineData(0.46, 0.51, 0.91, true, Verdict.Supported)]
    // Words that show a conflict, a clear contradiction, or a sentence not close enough: the model's reading stands.
    [InlineData(0.46, 0.51, 0.91, false, Verdict.Refuted)]
    [InlineData(0.35, 0.60, 0.91, true, Verdict.Refuted)]
    [InlineData(0.46, 0.51, 0.70, true, Verdict.Refuted)]
    public void A_torn_reading_of_a_sentence_whose_words_agree_counts_as_support(
        double entailment, double contradiction, double similarity, bool wordsAgree, Verdict expected)
    {
        var thresholds = new VerdictThresholds(0.32, 0.30, 0.45);
        var scores = new PairScores(entailment, 1 - entailment - contradiction, contradiction, similarity, WordsAgree: wordsAgree);

        var decision = VerdictAggregator.Decide([scores], thresholds);

        Assert.Equal(expected, decision.Verdict);
        Assert.Equal(expected == Verdict.Supported, VerdictExplainer.Reason(decision, [scores], thresholds).Contains("The model was torn", StringComparison.Ordinal));
    }
}
