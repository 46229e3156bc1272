using System.Text.Json;

namespace TruthGraph.ServiceDefaults.Datasets;

/// <summary>
/// One claim of a CLIMATE-FEVER JSON-lines file, labels as the file writes them (SUPPORTS, REFUTES, NOT_ENOUGH_INFO,
/// DISPUTED). <see cref="Kind"/> is an optional field of our own (<c>"kind"</c>, e.g. <c>negation</c> in the contrast
/// set); CLIMATE-FEVER itself has none.
/// </summary>
public sealed record ClimateFeverRecord(string ClaimId, string Claim, string ClaimLabel, IReadOnlyList<ClimateFeverEvidence> Evidence, string? Kind);

public sealed record ClimateFeverEvidence(string EvidenceId, string Text, string Label);

/// <summary>
/// Reads labelled CLIMATE-FEVER files (evaluation, accuracy checks, training), where any malformed line is an error
/// that names the file and line. Uploads go through the ingestion parser instead, which reports bad lines and goes on.
/// </summary>
public static class ClimateFeverFile
{
    /// <summary>
    /// Every claim of the file, in file order, each turned into the caller's type by <paramref name="map"/>; a label
    /// <paramref name="map"/> does not know should throw <see cref="InvalidDataException"/>, which is then reported
    /// with the line it came from.
    /// </summary>
    public static IReadOnlyList<T> Read<T>(string path, Func<ClimateFeverRecord, T> map)
    {
        var claims = new List<T>();
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
                claims.Add(map(Parse(line)));
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or InvalidDataException)
            {
                throw new InvalidDataException($"{path}, line {lineNumber}: not a CLIMATE-FEVER claim ({ex.Message}).", ex);
            }
        }
        return claims;
    }

    private static ClimateFeverRecord Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var evidence = root.GetProperty("evidences").EnumerateArray()
            .Select(e => new ClimateFeverEvidence(
                e.GetProperty("evidence_id").GetString()!,
                e.GetProperty("evidence").GetString()!,
                e.GetProperty("evidence_label").GetString()!))
            .ToList();
        var kind = root.TryGetProperty("kind", out var kindValue) && kindValue.ValueKind == JsonValueKind.String ? kindValue.GetString() : null;
        return new ClimateFeverRecord(root.GetProperty("claim_id").GetString()!, root.GetProperty("claim").GetString()!,
            root.GetProperty("claim_label").GetString()!, evidence, kind);
    }
}
