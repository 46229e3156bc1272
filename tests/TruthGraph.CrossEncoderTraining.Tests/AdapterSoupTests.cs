using TruthGraph.CrossEncoderTraining.Export;
using TruthGraph.CrossEncoderTraining.Native;
using TruthGraph.Inference.Onnx.Adapters;

namespace TruthGraph.CrossEncoderTraining.Tests;

/// <summary>The model soup: vectors averaged, LoRA updates averaged as matrices (not factor by factor), SVD to a rank.</summary>
public sealed class AdapterSoupTests
{
    private const int In = 6, Out = 5, Rank = 2;
    private const string Weight = "onnx::MatMul_1";

    [Fact]
    public void Two_adapters_mix_into_the_weighted_average_of_their_updates_vectors_and_head()
    {
        LibTorchNative.EnsureLoaded();
        var first = Adapter(seed: 1);
        var second = Adapter(seed: 2);

        var exact = Read(AdapterSoup.Mix([new(first, 3), new(second, 1)], rank: 0));

        Assert.Equal(2 * Rank, exact[AdapterTensorNames.LoraA(Weight)].Shape[0]);
        var expected = Add(Scale(Delta(Read(first)), 0.75), Scale(Delta(Read(second)), 0.25));
        AssertClose(expected, Delta(exact), 1e-5);
        var bias = AdapterTensorNames.Replacement("encoder.layer.0.bias");
        for (var i = 0; i < Out; i++)
        {
            Assert.Equal(0.75 * Read(first)[bias].Values[i] + 0.25 * Read(second)[bias].Values[i], exact[bias].Values[i], 5);
        }
        Assert.Equal(0.75 * Read(first)[AdapterTensorNames.HeadOutputBias].Values[2] + 0.25 * Read(second)[AdapterTensorNames.HeadOutputBias].Values[2],
            exact[AdapterTensorNames.HeadOutputBias].Values[2], 5);

        // Averaging A and B separately would give another matrix: the soup must not do that.
        var naive = Multiply(Transpose(Average(Read(first), Read(second), ".a")), Transpose(Average(Read(first), Read(second), ".b")));
        Assert.True(MaxDifference(Add(Scale(Delta(Read(first)), 0.5), Scale(Delta(Read(second)), 0.5)), naive) > 1e-3);
    }

    [Fact]
    public void A_truncated_soup_keeps_the_rank_asked_for_and_is_exact_when_the_rank_holds_the_whole_update()
    {
        LibTorchNative.EnsureLoaded();
        var first = Adapter(seed: 3);
        var second = Adapter(seed: 4);
        var exact = Read(AdapterSoup.Mix([new(first, 1), new(second, 1)], rank: 0));

        var full = Read(AdapterSoup.Mix([new(first, 1), new(second, 1)], rank: 2 * Rank));
        AssertClose(Delta(exact), Delta(full), 1e-4);

        var truncated = Read(AdapterSoup.Mix([new(first, 1), new(second, 1)], rank: 1));
        Assert.Equal(1, truncated[AdapterTensorNames.LoraA(Weight)].Shape[0]);
        Assert.Equal(1, truncated[AdapterTensorNames.LoraB(Weight)].Shape[1]);
        Assert.True(MaxDifference(Delta(exact), Delta(truncated)) > 1e-4, "rank 1 cannot hold a rank-4 update");
    }

    [Fact]
    public void Adapters_of_different_bases_are_refused()
    {
        var other = Adapter(seed: 5, baseSha256: "another base");
        Assert.Throws<InvalidDataException>(() => AdapterSoup.Mix([new(Adapter(seed: 6), 1), new(other, 1)], rank: 0));
    }

    private static byte[] Adapter(int seed, string baseSha256 = "base")
    {
        var random = new Random(seed);
        float[] Values(int count) => Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        return SafeTensorsFile.Write(
        [
            new NamedTensor(AdapterTensorNames.LoraA(Weight), [Rank, In], Values(Rank * In)),
            new NamedTensor(AdapterTensorNames.LoraB(Weight), [Out, Rank], Values(Out * Rank)),
            new NamedTensor(AdapterTensorNames.Replacement("encoder.layer.0.bias"), [Out], Values(Out)),
            new NamedTensor(AdapterTensorNames.HeadOutputBias, [3], Values(3)),
        ], new Dictionary<string, string>
        {
            [AdapterTensorNames.FormatKey] = AdapterTensorNames.Format,
            [AdapterTensorNames.LoraScaleKey] = "2",
            [AdapterTensorNames.BaseSha256Key] = baseSha256,
        });
    }

    private static IReadOnlyDictionary<string, NamedTensor> Read(byte[] file) => SafeTensorsFile.Read(file).Tensors;

    /// <summary>Aᵀ·Bᵀ, [in, out]: the update without its scale (the scale is shared by every adapter of a soup).</summary>
    private static double[,] Delta(IReadOnlyDictionary<string, NamedTensor> adapter) =>
        Multiply(Transpose(Matrix(adapter[AdapterTensorNames.LoraA(Weight)])), Transpose(Matrix(adapter[AdapterTensorNames.LoraB(Weight)])));

    private static double[,] Average(IReadOnlyDictionary<string, NamedTensor> first, IReadOnlyDictionary<string, NamedTensor> second, string factor)
    {
        var name = AdapterTensorNames.LoraPrefix + Weight + factor;
        return Add(Scale(Matrix(first[name]), 0.5), Scale(Matrix(second[name]), 0.5));
    }

    private static double[,] Matrix(NamedTensor t)
    {
        var (rows, columns) = ((int)t.Shape[0], (int)t.Shape[1]);
        var m = new double[rows, columns];
        for (var r = 0; r < rows; r++)
        for (var c = 0; c < columns; c++)
        {
            m[r, c] = t.Values[r * columns + c];
        }
        return m;
    }

    private static double[,] Transpose(double[,] m)
    {
        var t = new double[m.GetLength(1), m.GetLength(0)];
        for (var r = 0; r < m.GetLength(0); r++)
        for (var c = 0; c < m.GetLength(1); c++)
        {
            t[c, r] = m[r, c];
        }
        return t;
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        var m = new double[a.GetLength(0), b.GetLength(1)];
        for (var r = 0; r < a.GetLength(0); r++)
        for (var c = 0; c < b.GetLength(1); c++)
        for (var k = 0; k < a.GetLength(1); k++)
        {
            m[r, c] += a[r, k] * b[k, c];
        }
        return m;
    }

    private static double[,] Scale(double[,] m, double factor)
    {
        var s = (double[,])m.Clone();
        for (var r = 0; r < s.GetLength(0); r++)
        for (var c = 0; c < s.GetLength(1); c++)
        {
            s[r, c] *= factor;
        }
        return s;
    }

    private static double[,] Add(double[,] a, double[,] b)
    {
        var s = (double[,])a.Clone();
        for (var r = 0; r < s.GetLength(0); r++)
        for (var c = 0; c < s.GetLength(1); c++)
        {
            s[r, c] += b[r, c];
        }
        return s;
    }

    private static double MaxDifference(double[,] a, double[,] b)
    {
        var max = 0.0;
        for (var r = 0; r < a.GetLength(0); r++)
        for (var c = 0; c < a.GetLength(1); c++)
        {
            max = Math.Max(max, Math.Abs(a[r, c] - b[r, c]));
        }
        return max;
    }

    private static void AssertClose(double[,] expected, double[,] actual, double tolerance) =>
        Assert.True(MaxDifference(expected, actual) <= tolerance, $"max difference {MaxDifference(expected, actual)} > {tolerance}");
}
