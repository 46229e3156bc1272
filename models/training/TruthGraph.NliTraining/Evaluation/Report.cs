using TruthGraph.Api.Verification;
using System.Globalization;
using Spectre.Console;
using TruthGraph.NliTraining.Data;
using TruthGraph.NliTraining.Verdicts;

namespace TruthGraph.NliTraining.Evaluation;

/// <summary>Console tables of a run's measurements (the numbers models/README.md quotes).</summary>
public static class Report
{
    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    public static void Variant(IAnsiConsole console, VariantResult r)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(r.Name)}[/] ({r.TrainingRows} rows, {r.TrainSeconds:0.0} s)").LeftJustified());
        console.MarkupLineInterpolated(
            $"offsets (log-prob, entailment/neutral/contradiction): {string.Join(" / ", r.Offsets.Select(F))}");
        console.MarkupLineInterpolated(
            $"out-of-fold train: pair macro-F1 {F(r.OofPairMacroF1)}, claim macro-F1 {F(r.OofClaimMacroF1)} at thresholds support {F(r.OofThresholds.Support)} / refute {F(r.OofThresholds.Refute)}");
        console.MarkupLineInterpolated(
            $"dev-tuned thresholds: support {F(r.DevThresholds.Support)} / refute {F(r.DevThresholds.Refute)}");

        var table = new Table().AddColumns("CLIMATE-FEVER dev", "accuracy", "macro-F1", "per-class F1");
        Row(table, "pairs, no offsets", r.DevPairsRaw, NliLabels.Names);
        Row(table, "pairs, with offsets", r.DevPairs, NliLabels.Names);
        Row(table, "claims, dev-tuned thresholds (optimistic)", r.DevClaims, VerdictNames.Names);
        Row(table, "claims, train-OOF thresholds", r.DevClaimsOofThresholds, VerdictNames.Names);
        Row(table, "SNLI test subset, no offsets", r.SnliTestRaw, NliLabels.Names);
        Row(table, "SNLI test subset, with offsets", r.SnliTest, NliLabels.Names);
        console.Write(table);

        Matrix(console, "dev pairs (with offsets)", r.DevPairs, NliLabels.Names);
        Matrix(console, "dev claims (dev-tuned thresholds)", r.DevClaims, VerdictNames.Names);
        Matrix(console, "dev claims (train-OOF thresholds)", r.DevClaimsOofThresholds, VerdictNames.Names);
    }

    public static void Comparison(IAnsiConsole console, IReadOnlyList<VariantResult> results)
    {
        var table = new Table().AddColumns("training data", "dev pair F1", "dev claim F1 (dev thr.)",
            "dev claim F1 (OOF thr.)", "SNLI test acc.");
        foreach (var r in results)
        {
            table.AddRow(Markup.Escape(r.Name), F(r.DevPairs.MacroF1), F(r.DevClaims.MacroF1),
                F(r.DevClaimsOofThresholds.MacroF1), F(r.SnliTest.Accuracy));
        }
        console.Write(table);
    }

    private static void Row(Table table, string name, ConfusionMatrix m, IReadOnlyList<string> labels) =>
        table.AddRow(Markup.Escape(name), F(m.Accuracy), F(m.MacroF1),
            Markup.Escape(string.Join(", ", labels.Select((l, i) => $"{l} {F(m.F1(i))}"))));

    private static void Matrix(IAnsiConsole console, string title, ConfusionMatrix m, IReadOnlyList<string> labels)
    {
        var table = new Table().Title(Markup.Escape(title + ": rows gold, columns predicted"));
        table.AddColumn("");
        foreach (var label in labels)
        {
            table.AddColumn(Markup.Escape(label));
        }
        for (var gold = 0; gold < labels.Count; gold++)
        {
            table.AddRow([Markup.Escape(labels[gold]), .. Enumerable.Range(0, labels.Count).Select(p => m[gold, p].ToString(CultureInfo.InvariantCulture))]);
        }
        console.Write(table);
    }
}
