using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TruthGraph.Inference.Onnx.Adapters;

/// <summary>
/// One tensor of a <see cref="SafeTensorsFile"/>, held as float32; <paramref name="StoredAsHalf"/> writes it as float16
/// (half the bytes: for large fully trained weights, which the service quantizes to INT8 anyway).
/// </summary>
public sealed record NamedTensor(string Name, long[] Shape, float[] Values, bool StoredAsHalf = false)
{
    public long Count => Shape.Aggregate(1L, (a, b) => a * b);
}

/// <summary>
/// The safetensors layout (8-byte little-endian header length, a JSON header naming each tensor's dtype, shape and
/// byte range, then the raw little-endian data), float32 or float16, with string metadata under <c>__metadata__</c>.
/// Chosen because it is trivial to read without a library and any safetensors tool can inspect it.
/// Depends on nothing but the BCL: the fine-tuning tool compiles this file in to write what the service reads.
/// </summary>
public static class SafeTensorsFile
{
    private const string MetadataKey = "__metadata__";
    private const long MaxHeaderBytes = 16 << 20;
    private const int HalfBytes = 2;

    public static byte[] Write(IReadOnlyList<NamedTensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        var header = new JsonObject { [MetadataKey] = new JsonObject(metadata.Select(kv => KeyValuePair.Create(kv.Key, (JsonNode?)kv.Value))) };
        long offset = 0;
        foreach (var t in tensors)
        {
            if (t.Values.Length != t.Count)
            {
                throw new ArgumentException($"Tensor '{t.Name}' has {t.Values.Length} values for shape [{string.Join(", ", t.Shape)}].");
            }
            var bytes = t.Values.LongLength * (t.StoredAsHalf ? HalfBytes : sizeof(float));
            header[t.Name] = new JsonObject
            {
                ["dtype"] = t.StoredAsHalf ? "F16" : "F32",
                ["shape"] = new JsonArray(t.Shape.Select(d => (JsonNode?)d).ToArray()),
                ["data_offsets"] = new JsonArray(offset, offset + bytes),
            };
            offset += bytes;
        }
        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        // The format pads the header with spaces to a multiple of 8 so the data that follows is aligned.
        var padded = (json.Length + 7) / 8 * 8;
        var output = new byte[8 + padded + offset];
        BinaryPrimitives.WriteUInt64LittleEndian(output, (ulong)padded);
        json.CopyTo(output, 8);
        output.AsSpan(8 + json.Length, padded - json.Length).Fill((byte)' ');
        var position = 8 + padded;
        foreach (var t in tensors)
        {
            if (t.StoredAsHalf)
            {
                foreach (var value in t.Values)
                {
                    BinaryPrimitives.WriteHalfLittleEndian(output.AsSpan(position), (Half)value);
                    position += HalfBytes;
                }
                continue;
            }
            var raw = MemoryMarshal.AsBytes(t.Values.AsSpan());
            raw.CopyTo(output.AsSpan(position));
            position += raw.Length;
        }
        return output;
    }

    public static (IReadOnlyDictionary<string, NamedTensor> Tensors, IReadOnlyDictionary<string, string> Metadata) Read(ReadOnlySpan<byte> file)
    {
        if (file.Length < 8)
        {
            throw new InvalidDataException("Not a safetensors file: shorter than its 8-byte header length.");
        }
        var headerLength = (long)BinaryPrimitives.ReadUInt64LittleEndian(file);
        if (headerLength <= 0 || headerLength > MaxHeaderBytes || 8 + headerLength > file.Length)
        {
            throw new InvalidDataException($"Not a safetensors file: header length {headerLength} does not fit a {file.Length}-byte file.");
        }
        var data = file[(int)(8 + headerLength)..];
        using var header = JsonDocument.Parse(file.Slice(8, (int)headerLength).ToArray());
        var tensors = new Dictionary<string, NamedTensor>(StringComparer.Ordinal);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in header.RootElement.EnumerateObject())
        {
            if (entry.Name == MetadataKey)
            {
                foreach (var kv in entry.Value.EnumerateObject())
                {
                    metadata[kv.Name] = kv.Value.GetString() ?? "";
                }
                continue;
            }
            var dtype = entry.Value.GetProperty("dtype").GetString();
            if (dtype is not ("F32" or "F16"))
            {
                throw new InvalidDataException($"Tensor '{entry.Name}' is {dtype}; only F32 and F16 are supported.");
            }
            var half = dtype == "F16";
            var shape = entry.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            var range = entry.Value.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            var count = shape.Aggregate(1L, (a, b) => a * b);
            if (range.Length != 2 || range[0] < 0 || range[1] > data.Length || range[1] - range[0] != count * (half ? HalfBytes : sizeof(float)))
            {
                throw new InvalidDataException($"Tensor '{entry.Name}' has byte range [{string.Join(", ", range)}] that does not fit its shape or the file.");
            }
            var bytes = data[(int)range[0]..(int)range[1]];
            var values = half ? ReadHalves(bytes) : MemoryMarshal.Cast<byte, float>(bytes).ToArray();
            tensors[entry.Name] = new NamedTensor(entry.Name, shape, values, half);
        }
        return (tensors, metadata);
    }

    private static float[] ReadHalves(ReadOnlySpan<byte> bytes)
    {
        var values = new float[bytes.Length / HalfBytes];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes[(i * HalfBytes)..]);
        }
        return values;
    }
}
