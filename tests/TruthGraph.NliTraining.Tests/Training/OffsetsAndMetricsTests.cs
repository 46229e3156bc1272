using TruthGraph.NliTraining.Data;
using TruthGraph.ServiceDefaults.Measurement;
using TruthGraph.NliTraining.Training;

namespace TruthGraph.NliTraining.Tests.Training;

public sealed class OffsetsAndMetricsTests
{
    [Fact]
    public void Zero_offsets_leave_the_probabilities_unchanged()
    {
        var adjusted = LogProbOffsets.Apply([0.2f, 0.5f, 0.3f], [0, 0, 0]);

        Assert.Equal(0.2, adjusted[0], 6);
        Assert.Equal(0.5, adjusted[1], 6);
        Assert.Equal(0.3, adjusted[2], 6);
    }

    [Fact]
    public void An_offset_reweights_a_class_by_its_exponential_and_renormalises()
    {
        var adjusted = LogProbOffsets.Apply([0.2f, 0.5f, 0.3f], [Math.Log(3), 0, 0]);

        // 0.2·3 = 0.6 against 0.5 and 0.3: entailment becomes the argmax.
        Assert.Equal(0.6 / 1.4, adjusted[0], 6);
        Assert.Equal(0.5 / 1.4, adjusted[1], 6);
        Assert.Equal(1.0, adjusted.Sum(), 9);
        Assert.Equal(0, LogProbOffsets.ArgMax(adjusted));
    }

    [Fact]
    public void Only_differences_between_offsets_matter()
    {
        var a = LogProbOffsets.Apply([0.2f, 0.5f, 0.3f], [0.4, 0, -0.3]);
        var b = LogProbOffsets.Apply([0.2f, 0.5f, 0.3f], [1.4, 1, 0.7]);

        Assert.Equal(a[0], b[0], 9);
        Assert.Equal(a[2], b[2], 9);
    }

    [Fact]
    public void The_tuner_corrects_a_head_that_overpredicts_the_middle_class()
    {
        // Every example's true class is 1.5× likelier than the head says: the head always answers class 1.
        float[][] probabilities = [[0.35f, 0.40f, 0.25f], [0.25f, 0.40f, 0.35f], [0.2f, 0.6f, 0.2f]];
        int[] gold = [0, 2, 1];

        var (offsets, macroF1) = OffsetTuner.Tune(probabilities, gold);

        Assert.Equal(1.0, macroF1, 9);
        Assert.Equal(0, offsets[1]);
        Assert.True(offsets[0] > Math.Log(0.40 / 0.35) && offsets[2] > Math.Log(0.40 / 0.35));
    }

    [Fact]
    public void Macro_f1_averages_the_per_class_f1()
    {
        var matrix = ConfusionMatrix.From(gold: [0, 0, 1, 1, 2, 2], predicted: [0, 1, 1, 1, 2, 0], classes: 3);

        Assert.Equal(0.5, matrix.F1(0), 9);       // tp 1, gold 2, predicted 2
        Assert.Equal(0.8, matrix.F1(1), 9);       // tp 2, gold 2, predicted 3
        Assert.Equal(2.0 / 3, matrix.F1(2), 9);   // tp 1, gold 2, predicted 1
        Assert.Equal((0.5 + 0.8 + 2.0 / 3) / 3, matrix.MacroF1, 9);
        Assert.Equal(4.0 / 6, matrix.Accuracy, 9);
    }

    [Fact]
    public void Class_weights_give_every_class_the_same_total_weight()
    {
        var labels = Enumerable.Repeat(NliLabel.Neutral, 6)
            .Concat(Enumerable.Repeat(NliLabel.Entailment, 3))
            .Append(NliLabel.Contradiction).ToList();

        var weights = NliLabels.ClassWeights(labels);

        Assert.Equal(10 / 9.0, weights[0], 9);
        Assert.Equal(10 / 18.0, weights[1], 9);
        Assert.Equal(10 / 3.0, weights[2], 9);
    }
}
