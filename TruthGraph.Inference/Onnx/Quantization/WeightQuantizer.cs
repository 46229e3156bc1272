using TruthGraph.Inference.Onnx.Graph;

namespace TruthGraph.Inference.Onnx.Quantization;

/// <summary>The arithmetic of weight quantization, on a [in, out] weight matrix (MatMul layout). Symmetric throughout: zero stays exactly zero.</summary>
public static class WeightQuantizer
{
    /// <summary>Weights per column are mapped to −127…127; −128 is left out so that the range is symmetric.</summary>
    public const int Int8Limit = 127;

    /// <summary>
    /// One scale per output column (per-tensor scales measured far worse on MiniLM: mean cosine 0.96 against 0.993):
    /// q[k, n] = round(w[k, n] / scale[n]), scale[n] = max_k |w[k, n]| / <paramref name="limit"/> (127, or 63 for 7-bit weights).
    /// </summary>
    public static (sbyte[] Values, float[] Scales) PerColumnInt8(FloatTensor weight, int limit = Int8Limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, Int8Limit);
        var (rows, columns) = Shape(weight);
        var scales = new float[columns];
        for (var k = 0; k < rows; k++)
        {
            for (var n = 0; n < columns; n++)
            {
                scales[n] = Math.Max(scales[n], Math.Abs(weight.Values[k * columns + n]));
            }
        }
        for (var n = 0; n < columns; n++)
        {
            scales[n] = scales[n] > 0 ? scales[n] / limit : 1f;
        }
        var values = new sbyte[rows * columns];
        for (var k = 0; k < rows; k++)
        {
            for (var n = 0; n < columns; n++)
            {
                values[k * columns + n] = (sbyte)Quantize(weight.Values[k * columns + n], scales[n], limit);
            }
        }
        return (values, scales);
    }

    /// <summary>
    /// <c>MatMulNBits</c> layout with 8 bits: for each output column n and each block of <paramref name="blockSize"/> inputs, one
    /// scale and <paramref name="blockSize"/> bytes q + 128 (zero point 128); inputs past the end of the last block are padded with
    /// the zero point. Packed is [out, blocks, blockSize], scales and zero points [out · blocks].
    /// </summary>
    public static (byte[] Packed, float[] Scales, byte[] ZeroPoints, int Blocks) Blockwise8Bit(FloatTensor weight, int blockSize)
    {
        var (rows, columns) = Shape(weight);
        var blocks = (rows + blockSize - 1) / blockSize;
        var packed = new byte[columns * blocks * blockSize];
        var scales = new float[columns * blocks];
        var zeroPoints = new byte[columns * blocks];
        Array.Fill(zeroPoints, (byte)128);
        Array.Fill(packed, (byte)128);
        for (var n = 0; n < columns; n++)
        {
            for (var b = 0; b < blocks; b++)
            {
                var first = b * blockSize;
                var last = Math.Min(rows, first + blockSize);
                var max = 0f;
                for (var k = first; k < last; k++)
                {
                    max = Math.Max(max, Math.Abs(weight.Values[k * columns + n]));
                }
                var scale = max > 0 ? max / Int8Limit : 1f;
                scales[n * blocks + b] = scale;
                for (var k = first; k < last; k++)
                {
                    packed[(n * blocks + b) * blockSize + (k - first)] = (byte)(Quantize(weight.Values[k * columns + n], scale, Int8Limit) + 128);
                }
            }
        }
        return (packed, scales, zeroPoints, blocks);
    }

    private static int Quantize(float value, float scale, int limit) =>
        (int)Math.Clamp(MathF.Round(value / scale, MidpointRounding.ToEven), -limit, limit);

    private static (int Rows, int Columns) Shape(FloatTensor weight) => weight.Dims is [var rows, var columns]
        ? (checked((int)rows), checked((int)columns))
        : throw new ArgumentException($"A weight matrix is 2-D; this one has shape [{string.Join(", ", weight.Dims)}].", nameof(weight));
}
