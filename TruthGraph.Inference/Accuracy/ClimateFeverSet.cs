using System.Text.Json;

namespace TruthGraph.Inference.Accuracy;

/// <summary>One CLIMATE-FEVER claim: its text and label, and the indexes of its labelled evidence in the corpus with their pair labels.</summary>
public sealed record ClimateFeverClaim(string Id, string Text, string Label, IReadOnlyList<(int Evidence, string Label)> Evidence);

/// <summary>
/// A CLIMATE-FEVER split as the accuracy check uses it: the claims, and the retrieval corpus (every evidence sentence,
/// unique by <c>evidence_id</c>), which is what the evaluation harness loads into its database.
/// </summary>
public sealed record ClimateFeverSet(string Source, IReadOnlyList<ClimateFeverClaim> Claims, IReadOnlyList<string> Corpus)
{
    public int Pairs => Claims.Sum(c => c.Evidence.Count);

    public static ClimateFeverSet Read(string path)
    {
        var corpus = new List<string>();
        var indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        var claims = new List<ClimateFeverClaim>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                using var row = JsonDocument.Parse(line);
                var root = row.RootElement;
                var evidence = new List<(int, string)>();
                foreach (var item in root.GetProperty("evidences").EnumerateArray())
                {
                    var id = item.GetProperty("evidence_id").GetString()!;
                    if (!indexById.TryGetValue(id, out var index))
                    {
                        index = indexById[id] = corpus.Count;
                        corpus.Add(item.GetProperty("evidence").GetString()!);
                    }
                    evidence.Add((index, item.GetProperty("evidence_label").GetString()!));
                }
                claims.Add(new ClimateFeverClaim(root.GetProperty("claim_id").GetString()!, root.GetProperty("claim").GetString()!,
                    root.GetProperty("claim_label").GetString()!, evidence));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new InvalidDataException($"{path}, line {lineNumber}: not a CLIMATE-FEVER claim ({ex.Message}).", ex);
            }
        }
        return new ClimateFeverSet(path, claims, corpus);
    }
}
