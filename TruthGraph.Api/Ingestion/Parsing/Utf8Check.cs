using System.Text;
using System.Text.Unicode;

namespace TruthGraph.Api.Ingestion.Parsing;

/// <summary>Finds the first byte sequence that is not UTF-8, with its line, so a client can be told where the file is broken.</summary>
public static class Utf8Check
{
    public static (int Line, int Offset)? FirstInvalid(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return null;
        }
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                return (bytes[..offset].Count((byte)'\n') + 1, offset);
            }
            offset += consumed;
        }
        return null;
    }
}
