using TruthGraph.Api.Verification;
using System.Text.Json;
using TruthGraph.NliTraining.Verdicts;

namespace TruthGraph.NliTraining.Data;

/// <summary>One (premise, hypothesis) pair with its gold class.</summary>
public sealed record NliPair(string Premise, string Hypothesis, NliLabel Label);

/// <summary>A CLIMATE-FEVER claim with its five labelled evidence pairs (premise = evidence, hypothesis = claim).</summary>
public sealed record ClaimExample(string Id, string Claim, Verdict Label, IReadOnlyList<NliPair> Pairs);

/// <summary>Readers for the shared JSON-lines data sets (see ../shared/data/*/README.md).</summary>
public static class Datasets
{
    public static IReadOnlyList<ClaimExample> ReadClimateFever(string path)
    {
        var claims = new List<ClaimExample>();
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var claim = root.GetProperty("claim").GetString()!;
            var pairs = root.GetProperty("evidences").EnumerateArray()
                .Select(e => new NliPair(
                    e.GetProperty("evidence").GetString()!,
                    claim,
                    NliLabels.FromClimateFever(e.GetProperty("evidence_label").GetString()!)))
                .ToList();
            claims.Add(new ClaimExample(
                root.GetProperty("claim_id").GetString()!, claim,
                VerdictNames.FromClimateFever(root.GetProperty("claim_label").GetString()!), pairs));
        }
        return claims;
    }

    public static IReadOnlyList<NliPair> ReadSnli(string path)
    {
        var pairs = new List<NliPair>();
        foreach (var line in File.ReadLines(path).Where(l => l.Length > 0))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            pairs.Add(new NliPair(
                root.GetProperty("premise").GetString()!,
                root.GetProperty("hypothesis").GetString()!,
                NliLabels.FromSnli(root.GetProperty("label").GetString()!)));
        }
        return pairs;
    }
}
