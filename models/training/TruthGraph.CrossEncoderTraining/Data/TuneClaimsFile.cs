using System.Text.Json;

namespace TruthGraph.CrossEncoderTraining.Data;

/// <summary>
/// The held-out CLIMATE-FEVER train claims, copied line for line into the run folder, so that the verdict thresholds
/// and the relevance floor can be tuned through the real pipeline (<c>scripts/eval.sh &lt;run&gt;/tune-claims.jsonl --tune</c>)
/// on claims the model never trained on, without touching dev.
/// </summary>
public static class TuneClaimsFile
{
    public const string Name = "tune-claims.jsonl";

    public static void Write(string climateFeverTrain, IReadOnlyList<ClaimExample> tuneClaims, string path)
    {
        var ids = tuneClaims.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllLines(path, File.ReadLines(climateFeverTrain).Where(line =>
        {
            if (line.Length == 0)
            {
                return false;
            }
            using var doc = JsonDocument.Parse(line);
            return ids.Contains(doc.RootElement.GetProperty("claim_id").GetString()!);
        }));
    }
}
