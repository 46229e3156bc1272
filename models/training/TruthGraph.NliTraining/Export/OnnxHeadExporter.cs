using System.Security.Cryptography;
using Microsoft.ML;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using TruthGraph.NliTraining.Training;

namespace TruthGraph.NliTraining.Export;

/// <summary>The head's ONNX interface, written into the manifest so the inference service needs no guessing.</summary>
public sealed record OnnxContract(string InputName, long[] InputShape, string ProbabilitiesOutput, string LabelOutput,
    IReadOnlyList<string> AllOutputs);

/// <summary>The outcome of checking the exported file against ML.NET on the same rows.</summary>
public sealed record OnnxCheck(int Rows, int ArgMaxAgreements, double MaxAbsoluteDifference);

/// <summary>Exports the trained ML.NET head to ONNX and checks that ONNX Runtime reproduces it.</summary>
public static class OnnxHeadExporter
{
    public static (byte[] Bytes, string Sha256) Export(ITransformer model, IReadOnlyList<float[]> sample)
    {
        var ml = new MLContext();
        using var stream = new MemoryStream();
        ml.Model.ConvertToOnnx(model, HeadTrainer.ScoringData(ml, sample.Take(16)), stream);
        var bytes = stream.ToArray();
        return (bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    public static OnnxContract Describe(byte[] onnx)
    {
        using var session = new InferenceSession(onnx);
        var input = session.InputMetadata.Single();
        var outputs = session.OutputMetadata.Keys.ToList();
        return new OnnxContract(
            input.Key,
            input.Value.Dimensions.Select(d => (long)d).ToArray(),
            outputs.Single(o => o.StartsWith("Score", StringComparison.Ordinal)),
            outputs.Single(o => o.StartsWith("PredictedLabel", StringComparison.Ordinal)),
            outputs);
    }

    /// <summary>Scores <paramref name="features"/> with ONNX Runtime; probabilities in class order.</summary>
    public static float[][] Score(byte[] onnx, OnnxContract contract, IReadOnlyList<float[]> features)
    {
        using var session = new InferenceSession(onnx);
        var width = features[0].Length;
        var input = new DenseTensor<float>([features.Count, width]);
        for (var i = 0; i < features.Count; i++)
        {
            for (var d = 0; d < width; d++)
            {
                input[i, d] = features[i][d];
            }
        }
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(contract.InputName, input)], [contract.ProbabilitiesOutput]);
        var scores = results.Single().AsTensor<float>();
        var classes = scores.Dimensions[1];
        return Enumerable.Range(0, features.Count)
            .Select(i => Enumerable.Range(0, classes).Select(c => scores[i, c]).ToArray())
            .ToArray();
    }

    public static OnnxCheck Verify(float[][] mlNet, float[][] onnx)
    {
        var agreements = 0;
        var maxDifference = 0.0;
        for (var i = 0; i < mlNet.Length; i++)
        {
            if (ArgMax(mlNet[i]) == ArgMax(onnx[i]))
            {
                agreements++;
            }
            for (var c = 0; c < mlNet[i].Length; c++)
            {
                maxDifference = Math.Max(maxDifference, Math.Abs(mlNet[i][c] - onnx[i][c]));
            }
        }
        return new OnnxCheck(mlNet.Length, agreements, maxDifference);
    }

    private static int ArgMax(float[] values) => Array.IndexOf(values, values.Max());
}
