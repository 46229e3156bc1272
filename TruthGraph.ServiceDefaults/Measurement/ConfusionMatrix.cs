namespace TruthGraph.ServiceDefaults.Measurement;

/// <summary>
/// Confusion matrix (rows = gold, columns = predicted) and the scores derived from it: accuracy, per-class F1 and
/// macro-F1. The one definition behind the evaluation report, the INT8 accuracy check and the trainers' tuning.
/// </summary>
public sealed class ConfusionMatrix
{
    private readonly int[,] _counts;

    public ConfusionMatrix(int classes) => _counts = new int[classes, classes];

    public int Classes => _counts.GetLength(0);

    public int this[int gold, int predicted] => _counts[gold, predicted];

    public int Total { get; private set; }

    public void Add(int gold, int predicted)
    {
        _counts[gold, predicted]++;
        Total++;
    }

    public static ConfusionMatrix From(IReadOnlyList<int> gold, IReadOnlyList<int> predicted, int classes)
    {
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException($"{gold.Count} gold labels but {predicted.Count} predictions.");
        }
        var matrix = new ConfusionMatrix(classes);
        for (var i = 0; i < gold.Count; i++)
        {
            matrix.Add(gold[i], predicted[i]);
        }
        return matrix;
    }

    /// <summary>The same from label names, each of which must be one of <paramref name="classes"/> (in matrix order).</summary>
    public static ConfusionMatrix From(IReadOnlyList<string> classes, IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        var index = classes.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i, StringComparer.Ordinal);
        int IndexOf(string label) =>
            index.TryGetValue(label, out var i) ? i : throw new ArgumentException($"'{label}' is not one of {string.Join(", ", classes)}.");
        return From(gold.Select(IndexOf).ToList(), predicted.Select(IndexOf).ToList(), classes.Count);
    }

    public double Accuracy
    {
        get
        {
            var correct = 0;
            for (var c = 0; c < Classes; c++)
            {
                correct += _counts[c, c];
            }
            return Total == 0 ? 0 : (double)correct / Total;
        }
    }

    /// <summary>F1 of one class; 0 when the class is neither present nor predicted (sklearn's zero_division=0).</summary>
    public double F1(int c)
    {
        int truePositive = _counts[c, c], goldCount = 0, predictedCount = 0;
        for (var k = 0; k < Classes; k++)
        {
            goldCount += _counts[c, k];
            predictedCount += _counts[k, c];
        }
        // Precision and recall first, as the evaluation report always computed them, so that its figures stay the same to
        // the last bit (2·TP / (gold + predicted), the trainers' former form, differs from it in the last digit or two).
        var precision = predictedCount == 0 ? 0 : (double)truePositive / predictedCount;
        var recall = goldCount == 0 ? 0 : (double)truePositive / goldCount;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /// <summary>Unweighted mean of the per-class F1.</summary>
    public double MacroF1 => Enumerable.Range(0, Classes).Average(F1);

    /// <summary>The counts as rows of gold labels (the evaluation report's JSON layout).</summary>
    public int[][] Rows() =>
        Enumerable.Range(0, Classes).Select(g => Enumerable.Range(0, Classes).Select(p => _counts[g, p]).ToArray()).ToArray();
}
