using TruthGraph.ServiceDefaults.Measurement;

namespace TruthGraph.ServiceDefaults.UnitTests.Measurement;

/// <summary>Macro-F1 as the evaluation report, the INT8 accuracy check and the trainers compute it.</summary>
public sealed class ConfusionMatrixTests
{
    private static readonly string[] Classes = ["SUPPORTS", "NOT_ENOUGH_INFO", "REFUTES"];

    [Fact]
    public void Labels_count_by_name_in_the_order_of_the_classes()
    {
        var matrix = ConfusionMatrix.From(Classes,
            gold: ["SUPPORTS", "SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO"],
            predicted: ["SUPPORTS", "REFUTES", "REFUTES", "SUPPORTS"]);

        Assert.Equal(1, matrix[0, 0]);
        Assert.Equal(1, matrix[0, 2]);
        Assert.Equal(1, matrix[1, 0]);
        Assert.Equal([[1, 0, 1], [1, 0, 0], [0, 0, 1]], matrix.Rows());
        Assert.Equal(0.5, matrix.Accuracy, 9);
        Assert.Equal(0.5, matrix.F1(0), 9);          // tp 1, gold 2, predicted 2
        Assert.Equal(0, matrix.F1(1));               // present, never predicted
        Assert.Equal(2.0 / 3, matrix.F1(2), 9);      // tp 1, gold 1, predicted 2
        Assert.Equal((0.5 + 0 + 2.0 / 3) / 3, matrix.MacroF1, 9);
    }

    [Fact]
    public void A_class_neither_present_nor_predicted_counts_as_f1_zero()
    {
        var matrix = ConfusionMatrix.From(Classes, gold: ["SUPPORTS", "REFUTES"], predicted: ["SUPPORTS", "REFUTES"]);

        Assert.Equal(0, matrix.F1(1));
        Assert.Equal(2.0 / 3, matrix.MacroF1, 9);
    }

    [Fact]
    public void A_label_outside_the_classes_or_a_missing_prediction_is_refused()
    {
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.From(Classes, ["SUPPORTS"], ["DISPUTED"]));
        Assert.Throws<ArgumentException>(() => ConfusionMatrix.From(Classes, ["SUPPORTS", "REFUTES"], ["SUPPORTS"]));
    }
}
