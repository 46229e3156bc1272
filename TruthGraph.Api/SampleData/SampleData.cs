using System.Reflection;

namespace TruthGraph.Api.SampleData;

/// <summary>
/// The sample corpus and claims shipped inside the API assembly (<c>SampleData/*</c> as embedded resources), so that a
/// newcomer can verify claims on a fresh database without finding any data first.
/// </summary>
public static class SampleDataFiles
{
    public const string CorpusSource = "truthgraph-sample";

    public static byte[] ReadCorpus() => Read("corpus.jsonl");

    /// <summary>The sample corpus's sentences as ingestion reads them (JSON lines, source <see cref="CorpusSource"/>).</summary>
    public static ParseResult ParseCorpus() =>
        IngestionFormats.Parse(IngestionFormat.JsonLines, ReadCorpus(), new ParseOptions(CorpusSource, null));

    public static IReadOnlyList<SampleClaim> ReadClaims() => ParseClaims(Read("claims.json"));

    /// <summary>Claims in the format of <c>claims.json</c> (claim, expectedVerdict, topic, rationale).</summary>
    public static IReadOnlyList<SampleClaim> ParseClaims(byte[] json) =>
        JsonSerializer.Deserialize<List<SampleClaim>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))
        ?? throw new InvalidDataException("The claims file is empty.");

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"sample-data/{name}")
                           ?? throw new InvalidOperationException($"The sample data file {name} is not embedded in the API assembly.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}

/// <summary>A claim to try, the verdict the sample corpus should lead to, and why.</summary>
public sealed record SampleClaim(string Claim, string ExpectedVerdict, string Topic, string Rationale);
