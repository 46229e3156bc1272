using System.Globalization;
using System.Text;

namespace TruthGraph.Inference.Tokenization;

/// <summary>
/// The Hugging Face <c>BertNormalizer</c> + <c>BertPreTokenizer</c> steps for uncased BERT vocabularies, done here
/// because Microsoft.ML.Tokenizers' own basic tokenization drops ASCII symbols and emoji, glues words across
/// tabs and newlines and turns accented letters into [UNK] (dotnet/machinelearning #7724, #7725).
/// The result is words separated by single spaces, ready for a whitespace-split WordPiece pass.
/// </summary>
internal static class HfBasicPreTokenizer
{
    public static string Apply(string text, bool lowercase)
    {
        // Accent stripping in HF happens after lower-casing on the NFD form; NFD first gives the same marks to drop.
        var decomposed = lowercase ? text.Normalize(NormalizationForm.FormD) : text;
        var output = new StringBuilder(decomposed.Length + 16);
        foreach (var rune in decomposed.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (IsWhitespace(rune, category))
            {
                output.Append(' ');
            }
            else if (rune.Value is 0 or 0xFFFD || IsControl(rune, category))
            {
                // HF's clean_text removes NUL, the replacement character and control characters.
            }
            else if (lowercase && category == UnicodeCategory.NonSpacingMark)
            {
            }
            else if (IsCjk(rune.Value) || IsPunctuation(rune, category))
            {
                output.Append(' ').Append(rune.ToString()).Append(' ');
            }
            else
            {
                output.Append((lowercase ? Rune.ToLowerInvariant(rune) : rune).ToString());
            }
        }
        return output.ToString();
    }

    private static bool IsWhitespace(Rune rune, UnicodeCategory category) =>
        rune.Value is ' ' or '\t' or '\n' or '\r' || category == UnicodeCategory.SpaceSeparator;

    private static bool IsControl(Rune rune, UnicodeCategory category) =>
        category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate;

    // BERT treats every non-alphanumeric ASCII character as punctuation, although Unicode calls $ + < = > ^ ` | ~ symbols.
    private static bool IsPunctuation(Rune rune, UnicodeCategory category)
    {
        var cp = rune.Value;
        if (cp is (>= 33 and <= 47) or (>= 58 and <= 64) or (>= 91 and <= 96) or (>= 123 and <= 126))
        {
            return true;
        }
        return category is UnicodeCategory.ConnectorPunctuation or UnicodeCategory.DashPunctuation
            or UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation or UnicodeCategory.InitialQuotePunctuation
            or UnicodeCategory.FinalQuotePunctuation or UnicodeCategory.OtherPunctuation;
    }

    private static bool IsCjk(int cp) =>
        cp is (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2A6DF)
            or (>= 0x2A700 and <= 0x2B73F) or (>= 0x2B740 and <= 0x2B81F) or (>= 0x2B820 and <= 0x2CEAF)
            or (>= 0xF900 and <= 0xFAFF) or (>= 0x2F800 and <= 0x2FA1F);
}
