using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TruthGraph.CrossEncoderTraining.Data;

/// <summary>
/// FEVER's held-out claims (<see cref="FeverHoldOut"/>) as CLIMATE-FEVER-format claims, so that <c>eval --tune</c> sets
/// the verdict thresholds on short factual claims as well as on CLIMATE-FEVER's: supported and refuted claims keep their
/// evidence; every fourth claim whose evidence no other claim shares loses it and becomes NOT ENOUGH INFO, so that
/// only the other claims' (often similar) evidence can be retrieved for it.
/// </summary>
public static class FeverTuneClaims
{
    public const string Name = "fever-tune-claims.jsonl";

    /// <summary>The run's tune file: the held-out CLIMATE-FEVER claims followed by the FEVER ones.</summary>
    public const string CombinedName = "tune-claims-with-fever.jsonl";

    /// <summary>Writes up to <paramref name="maxClaims"/> claims to <paramref name="path"/>; returns how many of each label.</summary>
    public static IReadOnlyDictionary<string, int> Write(string feverPairs, string path, int maxClaims = 480)
    {
        var held = Datasets.ReadSnli(feverPairs).Where(p => FeverHoldOut.IsHeldOut(p.Hypothesis)).ToList();
        var claims = held.GroupBy(p => p.Hypothesis.Trim(), StringComparer.Ordinal)
            .Where(g => g.Select(p => p.Label).Distinct().Count() == 1)
            .Select(g => (Claim: g.Key, g.First().Label, Evidence: g.Select(p => p.Premise).Distinct(StringComparer.Ordinal).ToList()))
            .OrderBy(c => Hex(c.Claim), StringComparer.Ordinal)
            .Take(maxClaims)
            .ToList();
        var premiseUse = claims.SelectMany(c => c.Evidence).GroupBy(e => e, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        for (var i = 0; i < claims.Count; i++)
        {
            var (claim, label, evidence) = claims[i];
            var withoutEvidence = i % 4 == 3 && evidence.All(e => premiseUse[e] == 1);
            var claimLabel = withoutEvidence ? "NOT_ENOUGH_INFO" : label == NliLabel.Entailment ? "SUPPORTS" : "REFUTES";
            counts[claimLabel] = counts.GetValueOrDefault(claimLabel) + 1;
            writer.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["claim_id"] = "fever-" + Hex(claim)[..12],
                ["claim"] = claim,
                ["claim_label"] = claimLabel,
                ["kind"] = "fever-held-out",
                ["evidences"] = withoutEvidence ? [] : evidence.Select(e => new Dictionary<string, object>
                {
                    ["evidence_id"] = "fever:" + Hex(e)[..16],
                    ["evidence_label"] = label == NliLabel.Entailment ? "SUPPORTS" : "REFUTES",
                    ["article"] = "FEVER",
                    ["evidence"] = e,
                }).ToArray(),
            }));
        }
        return counts;
    }

    /// <summary>
    /// Writes a run folder's <see cref="Name"/> and <see cref="CombinedName"/> (its <see cref="TuneClaimsFile"/> lines, then
    /// the FEVER claims); returns how many FEVER claims of each label.
    /// </summary>
    public static IReadOnlyDictionary<string, int> WriteForRun(string dataDirectory, string runDirectory)
    {
        var fever = Path.Combine(runDirectory, Name);
        var counts = Write(Path.Combine(dataDirectory, "nli", "fever_pairs.jsonl"), fever);
        File.WriteAllLines(Path.Combine(runDirectory, CombinedName),
            File.ReadLines(Path.Combine(runDirectory, TuneClaimsFile.Name)).Concat(File.ReadLines(fever)).Where(l => l.Length > 0));
        return counts;
    }

    private static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
