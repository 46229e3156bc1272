using TruthGraph.Inference.Onnx.Adapters;

namespace TruthGraph.Inference.UnitTests.Onnx.Adapters;

public sealed class SafeTensorsFileTests
{
    [Fact]
    public void Float16_tensors_take_two_bytes_a_value_and_read_back_rounded_to_float16()
    {
        float[] values = [0.1f, -1.5f, 3.14159f, 1e-3f, 65504f, 0f];
        var full = SafeTensorsFile.Write([new NamedTensor("w", [2, 3], values)], new Dictionary<string, string>());
        var half = SafeTensorsFile.Write([new NamedTensor("w", [2, 3], values, StoredAsHalf: true)], new Dictionary<string, string>());

        Assert.Equal(values.Length * 2, full.Length - half.Length);
        var read = SafeTensorsFile.Read(half).Tensors["w"];
        Assert.True(read.StoredAsHalf);
        Assert.Equal([2L, 3L], read.Shape);
        Assert.Equal(values.Select(v => (float)(Half)v), read.Values);
        // float16 keeps about three significant digits; the rounding is what the test sees, not a copy of the input.
        Assert.NotEqual(0.1f, read.Values[0]);
        Assert.Equal(0.1f, read.Values[0], 3);
        // Written again, a float16 tensor gives the same bytes: a checkpoint read and re-saved does not drift.
        Assert.Equal(half, SafeTensorsFile.Write([read], new Dictionary<string, string>()));
    }

    [Fact]
    public void A_tensor_type_other_than_float32_or_float16_is_refused_by_name()
    {
        var file = SafeTensorsFile.Write([new NamedTensor("w", [1], [1f])], new Dictionary<string, string>());
        // Same length, so the header and data offsets stay valid: only the dtype is wrong.
        "\"I32\""u8.CopyTo(file.AsSpan(file.AsSpan().IndexOf("\"F32\""u8)));
        var error = Assert.Throws<InvalidDataException>(() => SafeTensorsFile.Read(file));
        Assert.Contains("'w' is I32", error.Message);
    }
}
