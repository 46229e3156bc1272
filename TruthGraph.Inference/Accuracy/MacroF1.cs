namespace TruthGraph.Inference.Accuracy;

/// <summary>Macro-averaged F1 over a fixed list of classes (a class never predicted nor present counts as F1 0).</summary>
public static class MacroF1
{
    public static double Of(IReadOnlyList<string> classes, IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException($"{gold.Count} gold labels but {predicted.Count} predictions.");
        }
        var total = 0.0;
        foreach (var c in classes)
        {
            int tp = 0, goldCount = 0, predictedCount = 0;
            for (var i = 0; i < gold.Count; i++)
            {
                var isGold = gold[i] == c;
                var isPredicted = predicted[i] == c;
                goldCount += isGold ? 1 : 0;
                predictedCount += isPredicted ? 1 : 0;
                tp += isGold && isPredicted ? 1 : 0;
            }
            var precision = predictedCount == 0 ? 0 : (double)tp / predictedCount;
            var recall = goldCount == 0 ? 0 : (double)tp / goldCount;
            total += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        }
        return total / classes.Count;
    }
}
