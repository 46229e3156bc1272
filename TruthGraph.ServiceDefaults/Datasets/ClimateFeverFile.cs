using System.Text.Json;

namespace TruthGraph.ServiceDefaults.Datasets;

/// <summary>
/// One claim of a CLIMATE-FEVER JSON-lines file, labels as the file writes them (SUPPORTS, REFUTES, NOT_ENOUGH_INFO,
/// DISPUTED). <see cref="Kind"/> is an optional field of our own (<c>"kind"</c>, e.g. <c>negation</c> in the contrast
/// set); CLIMATE-FEVER itself has none.
/// </summary>
public sealed record ClimateFeverRecord(string ClaimId, string Claim, string ClaimLabel, IReadOnlyList<ClimateFeverEvidence> Evidence, string? Kind);

/// <summary>
/// One labelled evidence sentence. <see cref="Votes"/> are the annotators' own labels behind <see cref="Label"/> (CLIMATE-FEVER
/// keeps up to five, unused slots null); null when the file has none, as in the project's own sets.
/// </summary>
public sealed record ClimateFeverEvidence(string EvidenceId, string Text, string Label, IReadOnlyList<string>? Votes = null);

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
                e.GetProperty("evidence_label").GetString()!,
                Votes(e)))
            .ToList();
        var kind = root.TryGetProperty("kind", out var kindValue) && kindValue.ValueKind == JsonValueKind.String ? kindValue.GetString() : null;
        return new ClimateFeverRecord(root.GetProperty("claim_id").GetString()!, root.GetProperty("claim").GetString()!,
            root.GetProperty("claim_label").GetString()!, evidence, kind);
    }

    private static IReadOnlyList<string>? Votes(JsonElement evidence) =>
        evidence.TryGetProperty("votes", out var votes) && votes.ValueKind == JsonValueKind.Array
            ? votes.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
            : null;
}
