using TruthGraph.Api.Verification;
using System.Text.Json;
using TruthGraph.ServiceDefaults.Datasets;
using TruthGraph.NliTraining.Verdicts;

namespace TruthGraph.NliTraining.Data;

/// <summary>One (premise, hypothesis) pair with its gold class.</summary>
public sealed record NliPair(string Premise, string Hypothesis, NliLabel Label);

/// <summary>A CLIMATE-FEVER claim with its five labelled evidence pairs (premise = evidence, hypothesis = claim).</summary>
public sealed record ClaimExample(string Id, string Claim, Verdict Label, IReadOnlyList<NliPair> Pairs);

/// <summary>Readers for the shared JSON-lines data sets (see ../shared/data/*/README.md).</summary>
public static class Datasets
{
    public static IReadOnlyList<ClaimExample> ReadClimateFever(string path) =>
        ClimateFeverFile.Read(path, record => new ClaimExample(record.ClaimId, record.Claim, VerdictNames.FromClimateFever(record.ClaimLabel),
            record.Evidence.Select(e => new NliPair(e.Text, record.Claim, NliLabels.FromClimateFever(e.Label))).ToList()));

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
