using System.Globalization;
using System.Text;
using Spectre.Console;

namespace TruthGraph.Inference.Accuracy;

/// <summary>One precision's results; the comparisons with fp32 are null on the fp32 row itself.</summary>
/// <param name="RecallFp32Corpus">Claims embedded in this precision against a corpus embedded fp32: a service switched to INT8 without re-ingesting.</param>
/// <param name="TopKOverlap">Mean share of the fp32 top-k that this precision also retrieves.</param>
/// <param name="PairAgreement">Share of gold pairs whose NLI label is the same as on fp32 embeddings.</param>
/// <param name="TextsPerSecond">Embedding speed in this run (one pass; the bench measures speed properly, this shows the order).</param>
/// <param name="ExactHere">False for an encoding whose integer sums can saturate on this CPU (s8 without VNNI): measured, never recommended.</param>
public sealed record PrecisionAccuracy(
    string Precision,
    double? MeanCosine,
    double? MinCosine,
    double? FirstPercentileCosine,
    double Recall,
    double? RecallFp32Corpus,
    double? TopKOverlap,
    double? PairAgreement,
    double? PairMacroF1,
    double TextsPerSecond,
    bool ExactHere = true);

/// <summary>What <c>models accuracy</c> measured, against the targets of the INT8 issue.</summary>
/// <param name="Cpu">The CPU it ran on, as INT8 sees it: INT8 results hold for that kind of CPU (VNNI or not) only.</param>
public sealed record AccuracyReport(
    string ModelId,
    string Data,
    int Claims,
    int Corpus,
    int Pairs,
    int K,
    string? NliModelId,
    IReadOnlyList<PrecisionAccuracy> Rows,
    string Cpu)
{
    public const double MinMeanCosine = 0.99;
    public const double MaxRecallLoss = 0.02;
    public const double MaxF1Loss = 0.02;

    public PrecisionAccuracy Fp32 => Rows[0];

    /// <summary>Mean cosine ≥ 0.99, recall@k and pair macro-F1 no more than 0.02 below fp32.</summary>
    public bool MeetsTargets(PrecisionAccuracy row) =>
        row.MeanCosine >= MinMeanCosine
        && Fp32.Recall - row.Recall <= MaxRecallLoss
        && (row.PairMacroF1 is null || Fp32.PairMacroF1 - row.PairMacroF1 <= MaxF1Loss);

    /// <summary>
    /// The first INT8 row that meets every target with an encoding that is exact on this CPU; rows come in the order of the bench's
    /// speed, fastest first.
    /// </summary>
    public PrecisionAccuracy? Recommended => Rows.Skip(1).Where(r => r.ExactHere).FirstOrDefault(MeetsTargets);

    public void Render(IAnsiConsole console)
    {
        var table = new Table().Title($"{ModelId}: fp32 and INT8 on {Path.GetFileName(Data)}, CPU {Cpu}").AddColumn("measure");
        foreach (var row in Rows)
        {
            table.AddColumn(new TableColumn(Markup.Escape(row.Precision)).RightAligned());
        }
        foreach (var (measure, values) in Measures())
        {
            table.AddRow([Markup.Escape(measure), .. values.Select(Markup.Escape)]);
        }
        console.Write(table);
        console.MarkupLineInterpolated(
            $"{Claims} claims, {Corpus} evidence sentences (retrieval corpus, exact cosine search), {Pairs} gold pairs{(NliModelId is null ? "" : $" classified by {NliModelId}")}.");
        console.MarkupLineInterpolated(
            $"targets: mean cosine ≥ {MinMeanCosine}, recall@{K} and pair macro-F1 within {MaxRecallLoss} of fp32. Recommended INT8 method: {Recommended?.Precision ?? "none meets every target"}.");
    }

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine($"CPU: {Cpu}").AppendLine();
        md.AppendLine("| measure | " + string.Join(" | ", Rows.Select(r => r.Precision)) + " |");
        md.AppendLine("| --- |" + string.Concat(Rows.Select(_ => " ---: |")));
        foreach (var (measure, values) in Measures())
        {
            md.AppendLine($"| {measure} | {string.Join(" | ", values)} |");
        }
        return md.ToString();
    }

    private IEnumerable<(string Measure, string[] Values)> Measures()
    {
        string[] Each(Func<PrecisionAccuracy, string> cell) => Rows.Select(cell).ToArray();
        yield return ("cosine to fp32: mean", Each(r => F(r.MeanCosine, "F4")));
        yield return ("cosine to fp32: minimum", Each(r => F(r.MinCosine, "F4")));
        yield return ("cosine to fp32: 1st percentile", Each(r => F(r.FirstPercentileCosine, "F4")));
        yield return ($"gold-evidence recall@{K}", Each(r => F(r.Recall, "F4")));
        yield return ($"recall@{K}, these claims vs the fp32 corpus", Each(r => F(r.RecallFp32Corpus, "F4")));
        yield return ($"top-{K} overlap with fp32", Each(r => F(r.TopKOverlap, "F3")));
        yield return ("NLI pair label agreement with fp32", Each(r => F(r.PairAgreement, "F3")));
        yield return ("NLI pair macro-F1", Each(r => F(r.PairMacroF1, "F4")));
        yield return ("Δ pair macro-F1", Each(r => r == Fp32 ? "-" : F(r.PairMacroF1 - Fp32.PairMacroF1, "+0.0000;-0.0000")));
        yield return ("texts/s (one pass, same run)", Each(r => F(r.TextsPerSecond, "F0")));
        yield return ("targets", Each(r => r == Fp32 ? "reference" : (MeetsTargets(r) ? "met" : "NOT met") + (r.ExactHere ? "" : " (saturates here)")));
    }

    private static string F(double? value, string format) => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : "-";
}
