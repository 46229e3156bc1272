using System.Globalization;

namespace TruthGraph.Api.Evaluation;

/// <summary>
/// How far the annotators behind a file's pair labels agree with each other, scored like the model's pair figures
/// (macro-F1 over entailment, neutral, contradiction), so a reader can see what a pair macro-F1 on this file can mean.
/// CLIMATE-FEVER keeps each pair's votes; its gold label is neutral unless the votes agree, so a model is scored against
/// labels that humans themselves give inconsistently.
/// </summary>
/// <param name="OneAgainstAnother">Every ordered pair of two votes on the same evidence sentence: annotator A as gold, B as prediction.</param>
/// <param name="OneAgainstTheOthers">Each vote against the label the other votes on that sentence give by a strict majority of at least two (sentences with three or more votes).</param>
public sealed record AnnotatorAgreement(ClassificationReport OneAgainstAnother, ClassificationReport? OneAgainstTheOthers)
{
    /// <summary>The agreement of the file's votes, or null when no sentence has two votes (the project's own sets have none).</summary>
    public static AnnotatorAgreement? Of(IReadOnlyList<LabelledClaim> claims)
    {
        var votes = claims.SelectMany(c => c.Evidence).Select(e => e.Votes).OfType<IReadOnlyList<int>>().Where(v => v.Count >= 2).ToList();
        if (votes.Count == 0)
        {
            return null;
        }
        var classes = EvaluationReport.PairClasses;
        var againstAnother = votes.SelectMany(v =>
            from a in Enumerable.Range(0, v.Count) from b in Enumerable.Range(0, v.Count) where a != b select (v[a], v[b]));
        var againstOthers = votes.SelectMany(v => Enumerable.Range(0, v.Count)
            .Select(i => (Others: Majority(v.Where((_, j) => j != i).ToList()), Vote: v[i]))
            .Where(x => x.Others is not null)
            .Select(x => (x.Others!.Value, x.Vote))).ToList();
        return new AnnotatorAgreement(ClassificationReport.From(classes, againstAnother),
            againstOthers.Count > 0 ? ClassificationReport.From(classes, againstOthers) : null);
    }

    /// <summary>The label most of <paramref name="votes"/> give, when there are at least two and no tie for first place.</summary>
    private static int? Majority(IReadOnlyList<int> votes)
    {
        if (votes.Count < 2)
        {
            return null;
        }
        var counts = votes.GroupBy(v => v).Select(g => (Label: g.Key, Count: g.Count())).OrderByDescending(g => g.Count).ToList();
        return counts.Count == 1 || counts[0].Count > counts[1].Count ? counts[0].Label : null;
    }

    public void Print(TextWriter output)
    {
        output.WriteLine($"annotators on the same pairs (the votes behind the gold labels): one against another {Describe(OneAgainstAnother, "vote pairs")}");
        if (OneAgainstTheOthers is { } others)
        {
            output.WriteLine($"  one against the majority of the others {Describe(others, "votes")}");
        }
    }

    private static string Describe(ClassificationReport report, string unit) => string.Create(CultureInfo.InvariantCulture,
        $"macro-F1 {report.MacroF1:F3} ({string.Join(" / ", report.Classes.Zip(report.F1, (c, f) => $"{c} {f:F2}"))}) over {report.Count:N0} {unit}");
}
