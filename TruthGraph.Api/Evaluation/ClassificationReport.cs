namespace TruthGraph.Api.Evaluation;

/// <summary>Accuracy, macro-F1, per-class F1 and the confusion matrix (rows = gold, columns = predicted).</summary>
public sealed record ClassificationReport(
    IReadOnlyList<string> Classes, int[][] Confusion, double Accuracy, double MacroF1, IReadOnlyList<double> F1)
{
    public int Count => Confusion.Sum(row => row.Sum());

    public static ClassificationReport From(IReadOnlyList<string> classes, IEnumerable<(int Gold, int Predicted)> outcomes)
    {
        var n = classes.Count;
        var confusion = Enumerable.Range(0, n).Select(_ => new int[n]).ToArray();
        foreach (var (gold, predicted) in outcomes)
        {
            confusion[gold][predicted]++;
        }
        var total = confusion.Sum(row => row.Sum());
        var correct = Enumerable.Range(0, n).Sum(i => confusion[i][i]);
        var f1 = new double[n];
        for (var c = 0; c < n; c++)
        {
            double tp = confusion[c][c];
            double predictedCount = Enumerable.Range(0, n).Sum(r => confusion[r][c]);
            double goldCount = confusion[c].Sum();
            var precision = predictedCount == 0 ? 0 : tp / predictedCount;
            var recall = goldCount == 0 ? 0 : tp / goldCount;
            f1[c] = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return new ClassificationReport(classes, confusion, total == 0 ? 0 : (double)correct / total, f1.Average(), f1);
    }

    public void Print(TextWriter output, string title)
    {
        output.WriteLine($"{title}: accuracy {Accuracy:F3}, macro-F1 {MacroF1:F3} over {Count}");
        var width = Math.Max(16, Classes.Max(c => c.Length) + 2);
        output.WriteLine($"  {"gold \\ predicted".PadRight(width)}{string.Concat(Classes.Select(c => Short(c).PadLeft(10)))}{"F1",8}");
        for (var r = 0; r < Classes.Count; r++)
        {
            output.WriteLine($"  {Classes[r].PadRight(width)}{string.Concat(Confusion[r].Select(v => v.ToString().PadLeft(10)))}{F1[r],8:F3}");
        }
    }

    private static string Short(string name) => name.Length <= 9 ? name : name[..9];
}
