namespace TruthGraph.Api.UnitTests.Evaluation;

/// <summary>The annotators' agreement with each other that the eval report prints beside the model's pair figures.</summary>
public sealed class AnnotatorAgreementTests
{
    private const int Entailment = 0, Neutral = 1, Contradiction = 2;

    private static LabelledEvidence Sentence(params int[]? votes) => new("e", "text", Neutral, votes);

    private static LabelledClaim Claim(params LabelledEvidence[] evidence) => new("c", "claim", Verdict.NotEnoughInfo, evidence);

    [Fact]
    public void Every_ordered_pair_of_votes_on_one_sentence_is_one_annotator_scored_against_another()
    {
        var agreement = AnnotatorAgreement.Of([
            Claim(Sentence(Entailment, Entailment), Sentence(Entailment, Neutral)),
            Claim(Sentence(Contradiction, Contradiction, Neutral)),
        ])!;

        // (E,E)×2; (E,N), (N,E); (C,C)×2, (C,N)×2, (N,C)×2: rows are the first annotator, columns the second.
        Assert.Equal([[2, 1, 0], [1, 0, 2], [0, 2, 2]], agreement.OneAgainstAnother.Confusion);
        Assert.Equal(10, agreement.OneAgainstAnother.Count);
        // F1 = 2·agreed / (first's count + second's count): entailment 4 / 6, neutral 0, contradiction 4 / 8.
        Assert.Equal((4.0 / 6 + 0 + 4.0 / 8) / 3, agreement.OneAgainstAnother.MacroF1, 6);
    }

    [Fact]
    public void A_vote_is_scored_against_the_others_only_where_at_least_two_others_agree_by_a_strict_majority()
    {
        var agreement = AnnotatorAgreement.Of([
            // Two votes: one other vote is no majority. Three votes C, C, N: the Cs each face a tie; N faces C, C.
            Claim(Sentence(Entailment, Neutral), Sentence(Contradiction, Contradiction, Neutral)),
            // Four votes E, E, E, C: each E faces E, E, C (E); C faces E, E, E.
            Claim(Sentence(Entailment, Entailment, Entailment, Contradiction)),
        ])!;

        Assert.Equal([[3, 0, 1], [0, 0, 0], [0, 1, 0]], agreement.OneAgainstTheOthers!.Confusion);
    }

    [Fact]
    public void A_file_without_two_votes_on_any_sentence_has_no_agreement_to_report()
    {
        Assert.Null(AnnotatorAgreement.Of([Claim(Sentence(null), Sentence(Entailment))]));
        Assert.Null(AnnotatorAgreement.Of([]));

        var twoVotesOnly = AnnotatorAgreement.Of([Claim(Sentence(Entailment, Contradiction))])!;
        Assert.Null(twoVotesOnly.OneAgainstTheOthers);
    }

    [Fact]
    public void The_report_names_the_measure_its_macro_f1_per_class_figures_and_what_it_counted()
    {
        var agreement = AnnotatorAgreement.Of([Claim(Sentence(Entailment, Entailment, Entailment, Neutral))])!;
        var text = new StringWriter();

        agreement.Print(text);

        var lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("annotators on the same pairs (the votes behind the gold labels): one against another macro-F1 0.222 (entailment 0.67 / neutral 0.00 / contradiction 0.00) over 12 vote pairs", lines[0]);
        Assert.Equal("one against the majority of the others macro-F1 0.286 (entailment 0.86 / neutral 0.00 / contradiction 0.00) over 4 votes", lines[1]);
    }
}
