using System.Text.Json;
using TruthGraph.Api.Verification;

namespace TruthGraph.Api.Evaluation;

/// <summary>
/// A labelled claim of the CLIMATE-FEVER JSON-lines format with its labelled evidence. <see cref="Kind"/> is an optional
/// field of our own (<c>"kind"</c>, e.g. <c>paraphrase</c>, <c>negation</c> in the contrast set) that the report breaks
/// accuracy down by; CLIMATE-FEVER itself has none.
/// </summary>
public sealed record LabelledClaim(string Id, string Claim, Verdict Label, IReadOnlyList<LabelledEvidence> Evidence, string? Kind = null);

public sealed record LabelledEvidence(string EvidenceId, string Text, int PairLabel);

public static class ClimateFeverClaims
{
    /// <summary>Pair labels as class indices in the NLI label order: 0 entailment, 1 neutral, 2 contradiction.</summary>
    public static readonly IReadOnlyList<string> PairLabels = ["SUPPORTS", "NOT_ENOUGH_INFO", "REFUTES"];

    public static IReadOnlyList<LabelledClaim> Read(string path)
    {
        var claims = new List<LabelledClaim>();
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
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                var evidence = root.GetProperty("evidences").EnumerateArray()
                    .Select(e => new LabelledEvidence(
                        e.GetProperty("evidence_id").GetString()!,
                        e.GetProperty("evidence").GetString()!,
                        PairLabelIndex(e.GetProperty("evidence_label").GetString()!)))
                    .ToList();
                var kind = root.TryGetProperty("kind", out var kindValue) && kindValue.ValueKind == JsonValueKind.String ? kindValue.GetString() : null;
                claims.Add(new LabelledClaim(root.GetProperty("claim_id").GetString()!, root.GetProperty("claim").GetString()!,
                    VerdictNames.FromClimateFever(root.GetProperty("claim_label").GetString()!), evidence, kind));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or InvalidDataException)
            {
                throw new InvalidDataException($"{path}, line {lineNumber}: not a CLIMATE-FEVER claim ({ex.Message}).", ex);
            }
        }
        return claims;
    }

    private static int PairLabelIndex(string label)
    {
        var index = PairLabels.ToList().IndexOf(label);
        return index >= 0 ? index : throw new InvalidDataException($"Unknown evidence label '{label}'.");
    }
}
