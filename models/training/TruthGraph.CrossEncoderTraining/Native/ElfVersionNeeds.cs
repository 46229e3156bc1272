using System.Buffers.Binary;
using System.Text;

namespace TruthGraph.CrossEncoderTraining.Native;

/// <summary>
/// Edits the version-needs table (<c>.gnu.version_r</c>) of a 64-bit little-endian ELF shared library in place:
/// the only change is the <c>VER_FLG_WEAK</c> bit of chosen <c>Elf64_Vernaux</c> entries.
/// </summary>
public static class ElfVersionNeeds
{
    private const uint SectionTypeVersionNeeds = 0x6ffffffe; // SHT_GNU_verneed
    private const ushort WeakFlag = 0x2;                      // VER_FLG_WEAK

    /// <summary>Marks every needed version whose name <paramref name="select"/> accepts as weak; returns their names.</summary>
    public static IReadOnlyList<string> MarkWeak(string path, Func<string, bool> select)
    {
        var image = File.ReadAllBytes(path);
        var marked = MarkWeak(image, select);
        if (marked.Count > 0)
        {
            // Written beside and moved over: a hard link into the NuGet cache (if the build made one) keeps the original.
            // One temporary file per process: two trainers started together each move their own (identical) copy over.
            var temporary = $"{path}.{Environment.ProcessId}.patching";
            File.WriteAllBytes(temporary, image);
            File.Move(temporary, path, overwrite: true);
        }
        return marked;
    }

    public static IReadOnlyList<string> MarkWeak(byte[] image, Func<string, bool> select)
    {
        var span = image.AsSpan();
        if (image.Length < 64 || !span[..4].SequenceEqual("\u007FELF"u8) || image[4] != 2 || image[5] != 1)
        {
            throw new InvalidDataException("Not a 64-bit little-endian ELF file.");
        }
        var sectionTable = (int)BinaryPrimitives.ReadUInt64LittleEndian(span[0x28..]);
        var sectionSize = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3a..]);
        var sectionCount = BinaryPrimitives.ReadUInt16LittleEndian(span[0x3c..]);
        var marked = new List<string>();
        for (var s = 0; s < sectionCount; s++)
        {
            var header = span[(sectionTable + s * sectionSize)..];
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != SectionTypeVersionNeeds)
            {
                continue;
            }
            var tableOffset = (int)BinaryPrimitives.ReadUInt64LittleEndian(header[0x18..]);
            var stringSection = span[(sectionTable + (int)BinaryPrimitives.ReadUInt32LittleEndian(header[0x28..]) * sectionSize)..];
            var strings = (int)BinaryPrimitives.ReadUInt64LittleEndian(stringSection[0x18..]);
            var need = tableOffset;
            while (true)
            {
                // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32
                var count = BinaryPrimitives.ReadUInt16LittleEndian(span[(need + 2)..]);
                var aux = need + (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(need + 8)..]);
                for (var a = 0; a < count; a++)
                {
                    // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32
                    var name = ReadString(span, strings + (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(aux + 8)..]));
                    var flags = BinaryPrimitives.ReadUInt16LittleEndian(span[(aux + 4)..]);
                    if (select(name) && (flags & WeakFlag) == 0)
                    {
                        BinaryPrimitives.WriteUInt16LittleEndian(span[(aux + 4)..], (ushort)(flags | WeakFlag));
                        marked.Add(name);
                    }
                    aux += (int)BinaryPrimitives.ReadUInt32LittleEndian(span[(aux + 12)..]);
                }
                var next = BinaryPrimitives.ReadUInt32LittleEndian(span[(need + 12)..]);
                if (next == 0)
                {
                    break;
                }
                need += (int)next;
            }
        }
        return marked;
    }

    private static string ReadString(ReadOnlySpan<byte> image, int offset)
    {
        var end = image[offset..].IndexOf((byte)0);
        return Encoding.ASCII.GetString(image.Slice(offset, end));
    }
}
