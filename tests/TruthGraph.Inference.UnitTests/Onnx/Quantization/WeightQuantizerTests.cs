using TruthGraph.Inference.Onnx.Graph;
using TruthGraph.Inference.Onnx.Quantization;

namespace TruthGraph.Inference.UnitTests.Onnx.Quantization;

public sealed class WeightQuantizerTests
{
    private static readonly FloatTensor Weight = new([3, 2], [0.6f, -0.02f, -1f, 0f, 0.25f, 0.04f]);

    [Fact]
    public void Per_column_int8_uses_the_full_range_per_column_and_rounds_within_half_a_step()
    {
        var (values, scales) = WeightQuantizer.PerColumnInt8(Weight);

        Assert.Equal(1f / 127, scales[0], 6);
        Assert.Equal(0.04f / 127, scales[1], 6);
        Assert.Equal(-127, values[2]); // the column's largest magnitude maps to the end of the range
        Assert.Equal(127, values[5]);
        Assert.Equal(0, values[3]); // zero stays exactly zero
        for (var i = 0; i < values.Length; i++)
        {
            Assert.True(Math.Abs(values[i] * scales[i % 2] - Weight.Values[i]) <= scales[i % 2] / 2 + 1e-7, $"element {i}");
        }
    }

    [Fact]
    public void Blockwise_8_bit_packs_columns_by_block_and_pads_with_the_zero_point()
    {
        var (packed, scales, zeroPoints, blocks) = WeightQuantizer.Blockwise8Bit(Weight, blockSize: 2);

        Assert.Equal(2, blocks); // 3 inputs in blocks of 2
        Assert.Equal(2 * 2 * 2, packed.Length);
        Assert.All(zeroPoints, z => Assert.Equal(128, z));
        // Column 0, block 0 holds inputs 0 and 1 (0.6, -1): the scale follows -1.
        Assert.Equal(1f / 127, scales[0], 6);
        Assert.Equal(128 + 76, packed[0]); // 0.6 · 127 = 76.2
        Assert.Equal(128 - 127, packed[1]);
        // Column 0, block 1 holds input 2 (0.25) and one padding byte.
        Assert.Equal(128 + 127, packed[2]);
        Assert.Equal(128, packed[3]);
    }
}
