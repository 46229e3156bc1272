using TruthGraph.ServiceDefaults.Measurement;

namespace TruthGraph.Api.Evaluation;

/// <summary>Accuracy, macro-F1, per-class F1 and the confusion matrix (rows = gold, columns = predicted).</summary>
public sealed record ClassificationReport(
    IReadOnlyList<string> Classes, int[][] Confusion, double Accuracy, double MacroF1, IReadOnlyList<double> F1)
{
    public int Count => Confusion.Sum(row => row.Sum());

    public static ClassificationReport From(IReadOnlyList<string> classes, IEnumerable<(int Gold, int Predicted)> outcomes)
    {
        var matrix = new ConfusionMatrix(classes.Count);
        foreach (var (gold, predicted) in outcomes)
        {
            matrix.Add(gold, predicted);
        }
        return new ClassificationReport(classes, matrix.Rows(), matrix.Accuracy, matrix.MacroF1,
            Enumerable.Range(0, classes.Count).Select(matrix.F1).ToArray());
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
