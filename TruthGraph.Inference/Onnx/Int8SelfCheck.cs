using Microsoft.ML.OnnxRuntime;
using TruthGraph.Inference.Accuracy;
using TruthGraph.Inference.Models;
using TruthGraph.Inference.Tokenization;

namespace TruthGraph.Inference.Onnx;

/// <summary>What the start-up comparison of an INT8 model with its fp32 weights found.</summary>
/// <param name="Passed">Whether the INT8 model is served; otherwise the fp32 weights are.</param>
/// <param name="Measure">What was compared: the minimum cosine of pooled embeddings, or the largest difference of a class probability.</param>
/// <param name="Worst">The worst value over the fixed inputs.</param>
/// <param name="Tolerance">The bound <see cref="Worst"/> had to keep.</param>
/// <param name="Reason">Why the model fell back to fp32; null when it passed.</param>
public sealed record Int8SelfCheckResult(bool Passed, string Measure, double Worst, double Tolerance, int Inputs, double Milliseconds, string? Reason);

/// <summary>
/// Runs a few fixed inputs through an INT8 model and its fp32 source once at load, each in a single-thread CPU session that is
/// disposed afterwards. A kernel that saturates on this CPU, a damaged cache file or a rewrite bug show up as a large
/// disagreement here, and the model is then served fp32 with the reason, instead of giving wrong answers silently.
/// </summary>
public static class Int8SelfCheck
{
    /// <summary>
    /// Worst cosine of a pooled embedding allowed. MiniLM's rewrites gave 0.990–0.995 on these sentences on a CPU without VNNI, in
    /// every encoding (s8 included: its saturation costs MiniLM little); CLIMATE-FEVER dev's worst single text was 0.978 with s8
    /// there (docs/PERFORMANCE.md). A broken file lands far below (negated weight scales: below 0).
    /// </summary>
    public const double MinEmbeddingCosine = 0.97;

    /// <summary>
    /// Largest difference of a class probability allowed for a pair classifier (softmax of the output). nli-minilm-cross on these
    /// pairs without VNNI: exact rewrites 0.04 (per-token u8) to 0.12 (dynamic s7); saturating s8 0.17, which fails.
    /// </summary>
    public const double MaxProbabilityDifference = 0.15;

    // Ordinary sentences of the kinds the service embeds: short, long, numbers and units, punctuation, a name.
    private static readonly string[] Texts =
    [
        "Arctic sea ice has declined sharply since satellite records began in 1979.",
        "Global mean surface temperature rose by about 1.1 °C between 1850–1900 and 2011–2020.",
        "The claim that volcanoes emit more CO2 than humans is false: human emissions are roughly 100 times larger.",
        "Sea level rise is accelerating.",
        "In 2019, Greenland lost 532 billion tonnes of ice, according to a study published in Communications Earth & Environment.",
        "Some scientists argue that solar variability, not greenhouse gases, explains most of the warming observed over the last century.",
    ];

    private static readonly (string Premise, string Hypothesis)[] Pairs =
    [
        (Texts[0], "Arctic sea ice is growing."),
        (Texts[1], "The planet has warmed since pre-industrial times."),
        (Texts[2], "Volcanoes emit more carbon dioxide than people do."),
        (Texts[4], "Greenland's ice sheet lost mass in 2019."),
        (Texts[5], "Coral reefs are bleaching more often."),
    ];

    public static Int8SelfCheckResult Run(ModelManifest manifest, BertWordPieceTokenizer tokenizer, byte[] fp32, byte[] int8)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var classifier = manifest.Task == ModelTask.Nli;
        var inputs = classifier
            ? Pairs.Select(p => tokenizer.EncodePair(p.Premise, p.Hypothesis, manifest.MaxTokens)).ToArray()
            : Texts.Select(t => tokenizer.Encode(t, manifest.MaxTokens)).ToArray();
        var expected = Outputs(manifest, tokenizer.PadId, inputs, fp32, classifier);
        var actual = Outputs(manifest, tokenizer.PadId, inputs, int8, classifier);
        double worst;
        bool passed;
        string measure;
        if (classifier)
        {
            worst = expected.Zip(actual, (a, b) => Softmax(a).Zip(Softmax(b), (p, q) => Math.Abs(p - q)).Max()).Max();
            passed = worst <= MaxProbabilityDifference;
            measure = "largest class-probability difference to fp32";
        }
        else
        {
            worst = expected.Zip(actual, (a, b) => VectorMath.Cosine(a, b)).Min();
            passed = worst >= MinEmbeddingCosine;
            measure = "minimum cosine to fp32";
        }
        var tolerance = classifier ? MaxProbabilityDifference : MinEmbeddingCosine;
        worst = double.IsNaN(worst) ? (classifier ? double.PositiveInfinity : double.NegativeInfinity) : worst; // NaN fails either bound
        passed &= !double.IsInfinity(worst);
        var reason = passed ? null
            : $"INT8 self-check failed: {measure} {worst:F4} on {inputs.Length} fixed inputs (tolerance {tolerance}); serving fp32";
        return new Int8SelfCheckResult(passed, measure, Math.Round(worst, 6), tolerance, inputs.Length, Math.Round(clock.Elapsed.TotalMilliseconds, 1), reason);
    }

    // One row per input: the pooled embedding (the manifest's pooling) or the classifier's output row.
    private static float[][] Outputs(ModelManifest manifest, int padId, TokenizedInput[] inputs, byte[] model, bool classifier)
    {
        using var pool = SessionPool.Create(model, "cpu", 0, sessions: 1, intraOpThreads: 1, graphOptimization: true, allowSpinning: false);
        using var runOptions = new RunOptions();
        var cls = string.Equals(manifest.Pooling, "cls", StringComparison.OrdinalIgnoreCase);
        var rows = new float[inputs.Length][];
        PaddedTokenRuns.Execute(inputs, pool, inputs.Length, padId, runOptions, manifest.OutputName ?? pool.OutputNames[0], (values, members, width) =>
        {
            var perRow = values.Length / members.Length;
            for (var r = 0; r < members.Length; r++)
            {
                var row = values.Slice(r * perRow, perRow);
                if (classifier)
                {
                    rows[members[r]] = row.ToArray();
                    continue;
                }
                var dims = perRow / width;
                var tokens = cls ? 1 : inputs[members[r]].Length;
                var vector = new float[dims];
                for (var t = 0; t < tokens; t++)
                {
                    for (var d = 0; d < dims; d++)
                    {
                        vector[d] += row[t * dims + d];
                    }
                }
                rows[members[r]] = vector;
            }
        });
        return rows;
    }

    private static double[] Softmax(float[] logits)
    {
        var max = logits.Max();
        var exp = logits.Select(v => Math.Exp(v - max)).ToArray();
        var sum = exp.Sum();
        return exp.Select(v => v / sum).ToArray();
    }
}
