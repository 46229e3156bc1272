using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using TruthGraph.NliTraining.Data;

namespace TruthGraph.NliTraining.Training;

/// <summary>One training or scoring row: the pair's features, its class and the group it must not be split from.</summary>
public sealed record FeatureExample(float[] Features, NliLabel Label, string Group);

/// <summary>Hyper-parameters of the head; all of them are recorded in the manifest.</summary>
public sealed record HeadOptions(
    float L2 = 3000f, float L1 = 0f, int MaxIterations = 1000, int Seed = 42, int Folds = 5, bool Normalize = true)
{
    public const string Trainer = "ML.NET LbfgsMaximumEntropy";
}

/// <summary>
/// Trains the multiclass soft-max head with ML.NET. Classes are re-weighted by N / (3 · count) so that the rare
/// REFUTES pairs are not drowned by NOT_ENOUGH_INFO; the strong L2 keeps 4,608 weights from memorising ~6k rows.
/// </summary>
public sealed class HeadTrainer(HeadOptions options)
{
    public const int FeatureWidth = 1536; // 4 × 384, fixed by [VectorType] below

    public HeadOptions Options { get; } = options;

    public ITransformer Train(IReadOnlyList<FeatureExample> examples)
    {
        var ml = new MLContext(Options.Seed);
        var weights = NliLabels.ClassWeights(examples.Select(e => e.Label).ToList());
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => new TrainingRow
        {
            Features = e.Features,
            Label = (uint)e.Label,
            Weight = (float)weights[(int)e.Label],
        }));
        // Standardising matters: components of L2-normalised 384-d vectors are ~0.05 (products ~0.003), and with
        // raw inputs the L2 penalty flattens every prediction to about 1/3.
        var normalizer = ml.Transforms.NormalizeMeanVariance(nameof(TrainingRow.Features));
        var trainer = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            L2Regularization = Options.L2,
            L1Regularization = Options.L1,
            MaximumNumberOfIterations = Options.MaxIterations,
            ExampleWeightColumnName = nameof(TrainingRow.Weight),
            NumberOfThreads = 1, // deterministic, and the build machine is shared
        });
        return Options.Normalize ? normalizer.Append(trainer).Fit(data) : trainer.Fit(data);
    }

    /// <summary>Class probabilities in <see cref="NliLabel"/> order, one array per example.</summary>
    public static float[][] Predict(ITransformer model, IReadOnlyList<float[]> features)
    {
        var ml = new MLContext();
        var scored = model.Transform(ScoringData(ml, features));
        return ml.Data.CreateEnumerable<ScoredRow>(scored, reuseRowObject: false).Select(r => r.Score).ToArray();
    }

    /// <summary>
    /// Out-of-fold probabilities: each example is scored by a head trained without its fold. Folds are made of
    /// whole groups (all evidence of one claim), else the claim's own embedding would leak across folds.
    /// </summary>
    public float[][] OutOfFold(IReadOnlyList<FeatureExample> examples, Action<int>? foldDone = null)
    {
        var groups = examples.Select(e => e.Group).Distinct(StringComparer.Ordinal).ToList();
        var random = new Random(Options.Seed);
        var foldOf = groups.OrderBy(_ => random.Next()).Select((g, i) => (g, i % Options.Folds))
            .ToDictionary(x => x.g, x => x.Item2, StringComparer.Ordinal);
        var result = new float[examples.Count][];
        for (var fold = 0; fold < Options.Folds; fold++)
        {
            var heldOut = Enumerable.Range(0, examples.Count).Where(i => foldOf[examples[i].Group] == fold).ToList();
            var model = Train(examples.Where(e => foldOf[e.Group] != fold).ToList());
            var probabilities = Predict(model, heldOut.Select(i => examples[i].Features).ToList());
            for (var k = 0; k < heldOut.Count; k++)
            {
                result[heldOut[k]] = probabilities[k];
            }
            foldDone?.Invoke(fold + 1);
        }
        return result;
    }

    /// <summary>Data with only the feature column: what the ONNX export's input schema is built from.</summary>
    public static IDataView ScoringData(MLContext ml, IEnumerable<float[]> features) =>
        ml.Data.LoadFromEnumerable(features.Select(f => new ScoringRow { Features = f }));

    private sealed class TrainingRow
    {
        [VectorType(FeatureWidth)] public float[] Features { get; set; } = [];

        // 0-based key values: ML.NET maps a 1..3 label onto shifted classes without complaint.
        [KeyType(NliLabels.Count)] public uint Label { get; set; }

        public float Weight { get; set; }
    }

    private sealed class ScoringRow
    {
        [VectorType(FeatureWidth)] public float[] Features { get; set; } = [];
    }

    private sealed class ScoredRow
    {
        public float[] Score { get; set; } = [];
    }
}
