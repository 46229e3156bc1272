using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;

namespace TruthGraph.Inference.Onnx.Graph;

/// <summary>Builds and reads ONNX initializers. Values are written as raw little-endian bytes, the compact form exporters use.</summary>
public static class OnnxTensors
{
    public static TensorProto Float(string name, long[] dims, ReadOnlySpan<float> values) =>
        Raw(name, TensorProto.Types.DataType.Float, dims, MemoryMarshal.AsBytes(values));

    public static TensorProto Int8(string name, long[] dims, ReadOnlySpan<sbyte> values) =>
        Raw(name, TensorProto.Types.DataType.Int8, dims, MemoryMarshal.AsBytes(values));

    public static TensorProto UInt8(string name, long[] dims, ReadOnlySpan<byte> values) =>
        Raw(name, TensorProto.Types.DataType.Uint8, dims, values);

    /// <summary>The values of a float32 initializer, whichever of the two encodings (raw bytes or float_data) it uses.</summary>
    public static FloatTensor ReadFloat(TensorProto tensor)
    {
        if (tensor.DataType != (int)TensorProto.Types.DataType.Float)
        {
            throw new NotSupportedException(
                $"Initializer '{tensor.Name}' is {(TensorProto.Types.DataType)tensor.DataType}; only float32 weights can be read as floats.");
        }
        if (tensor.DataLocation == TensorProto.Types.DataLocation.External)
        {
            throw new NotSupportedException($"Initializer '{tensor.Name}' keeps its data in an external file, which these tools do not read.");
        }
        var dims = tensor.Dims.ToArray();
        var count = checked((int)dims.Aggregate(1L, (product, d) => product * d));
        float[] values;
        if (!tensor.RawData.IsEmpty)
        {
            if (tensor.RawData.Length != count * sizeof(float))
            {
                throw new InvalidDataException($"Initializer '{tensor.Name}' has {tensor.RawData.Length} bytes for {count} floats.");
            }
            values = MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray();
            if (!BitConverter.IsLittleEndian)
            {
                throw new PlatformNotSupportedException("ONNX raw tensor data is little-endian; this machine is not.");
            }
        }
        else
        {
            values = tensor.FloatData.ToArray();
            if (values.Length != count)
            {
                throw new InvalidDataException($"Initializer '{tensor.Name}' has {values.Length} floats for a shape of {count} elements.");
            }
        }
        return new FloatTensor(dims, values);
    }

    private static TensorProto Raw(string name, TensorProto.Types.DataType type, long[] dims, ReadOnlySpan<byte> bytes)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)type, RawData = ByteString.CopyFrom(bytes) };
        tensor.Dims.AddRange(dims);
        return tensor;
    }
}
