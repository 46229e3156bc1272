namespace TruthGraph.NliTraining.Evaluation;

/// <summary>Confusion matrix (rows = gold, columns = predicted) and the scores derived from it.</summary>
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
        var matrix = new ConfusionMatrix(classes);
        for (var i = 0; i < gold.Count; i++)
        {
            matrix.Add(gold[i], predicted[i]);
        }
        return matrix;
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
        var denominator = goldCount + predictedCount;
        return denominator == 0 ? 0 : 2.0 * truePositive / denominator;
    }

    /// <summary>Unweighted mean of the per-class F1: what the targets are stated in.</summary>
    public double MacroF1 => Enumerable.Range(0, Classes).Average(F1);
}
