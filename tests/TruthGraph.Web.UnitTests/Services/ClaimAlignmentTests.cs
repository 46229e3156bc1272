using TruthGraph.Web.Services.Alignment;

namespace TruthGraph.Web.UnitTests.Services;

public sealed class ClaimAlignmentTests
{
    private static IEnumerable<(string Text, DifferenceKind Kind)> Marked(IReadOnlyList<Difference> differences) =>
        differences.Select(d => (d.Text, d.Kind));

    [Fact]
    public void A_negation_in_the_evidence_is_marked_as_a_negation_and_nothing_else_differs()
    {
        var aligned = ClaimAlignment.Align("Sound cannot travel through a vacuum.", "Sound can travel through a vacuum.");

        Assert.Equal([("cannot", DifferenceKind.Negation)], Marked(aligned.OnlyInEvidence));
        Assert.Empty(aligned.OnlyInClaim);
        Assert.Equal("Sound cannot travel through a vacuum.", string.Concat(aligned.Evidence.Select(s => s.Text)));
    }

    [Fact]
    public void A_changed_year_and_a_changed_name_are_marked_by_kind_on_both_sides()
    {
        var year = ClaimAlignment.Align("Einstein published special relativity in 1905.", "Einstein published special relativity in 1920.");
        Assert.Equal([("1905", DifferenceKind.Date)], Marked(year.OnlyInEvidence));
        Assert.Equal([("1920", DifferenceKind.Date)], Marked(year.OnlyInClaim));

        var name = ClaimAlignment.Align("Ottawa is the capital city of Canada.", "Toronto is the capital city of Canada.");
        Assert.Equal([("Ottawa", DifferenceKind.Name)], Marked(name.OnlyInEvidence));
        Assert.Equal([("Toronto", DifferenceKind.Name)], Marked(name.OnlyInClaim));
    }

    [Fact]
    public void The_month_May_is_marked_as_a_date_though_the_verb_may_is_a_function_word()
    {
        var aligned = ClaimAlignment.Align("Duff McKagan was born on February 5, 1964.", "Duff McKagan was born on May 5.");

        Assert.Equal([("May", DifferenceKind.Date)], Marked(aligned.OnlyInClaim));
        Assert.Contains(("February", DifferenceKind.Date), Marked(aligned.OnlyInEvidence));
    }

    [Fact]
    public void Numbers_match_across_digits_and_words_and_a_changed_number_is_marked()
    {
        var same = ClaimAlignment.Align("The human heart has four chambers.", "The human heart has 4 chambers.");
        Assert.Empty(same.OnlyInEvidence);
        Assert.Empty(same.OnlyInClaim);

        var changed = ClaimAlignment.Align("An adult human has 206 bones.", "An adult human has 300 bones.");
        Assert.Equal([("300", DifferenceKind.Number)], Marked(changed.OnlyInClaim));
    }

    [Fact]
    public void Word_order_inflections_and_function_words_do_not_count_as_differences()
    {
        var aligned = ClaimAlignment.Align("Scurvy is caused by a lack of vitamin C.", "A lack of vitamin C causes scurvy.");

        Assert.Empty(aligned.OnlyInEvidence);
        Assert.Empty(aligned.OnlyInClaim);
    }

    [Fact]
    public void No_and_not_are_the_same_negation_but_a_content_word_in_one_text_only_is_marked_as_a_word()
    {
        var aligned = ClaimAlignment.Align("Antibiotics have no effect on viruses.", "Antibiotics do not work against viruses.");

        Assert.DoesNotContain(aligned.OnlyInEvidence, d => d.Kind == DifferenceKind.Negation);
        Assert.Equal([("effect", DifferenceKind.Word)], Marked(aligned.OnlyInEvidence));
        Assert.Equal([("work", DifferenceKind.Word), ("against", DifferenceKind.Word)], Marked(aligned.OnlyInClaim));
    }

    [Fact]
    public void Segments_rebuild_the_text_exactly_and_only_differing_words_carry_a_kind()
    {
        const string evidence = "Water boils at 100 °C (212 °F) at sea level.";
        var aligned = ClaimAlignment.Align(evidence, "Water boils at 50 degrees Celsius at sea level.");

        Assert.Equal(evidence, string.Concat(aligned.Evidence.Select(s => s.Text)));
        Assert.Equal(["100", "C", "212", "F"], aligned.Evidence.Where(s => s.Difference is not null).Select(s => s.Text));
        Assert.Contains(("50", DifferenceKind.Number), Marked(aligned.OnlyInClaim));
    }
}
