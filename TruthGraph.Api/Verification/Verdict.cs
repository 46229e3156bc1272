using System.Text.Json.Serialization;

namespace TruthGraph.Api.Verification;

/// <summary>The claim-level outcome. Depends on nothing but the BCL: the NLI trainer compiles this file in too.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Verdict>))]
public enum Verdict
{
    [JsonStringEnumMemberName("SUPPORTED")] Supported = 0,
    [JsonStringEnumMemberName("REFUTED")] Refuted = 1,
    [JsonStringEnumMemberName("DISPUTED")] Disputed = 2,
    [JsonStringEnumMemberName("NOT_ENOUGH_INFO")] NotEnoughInfo = 3,
}

/// <summary>The wire names of verdicts (as stored and as sent), and the mapping from CLIMATE-FEVER's claim labels.</summary>
public static class VerdictNames
{
    public const int Count = 4;

    /// <summary>Indexed by <see cref="Verdict"/>.</summary>
    public static readonly IReadOnlyList<string> Names = ["SUPPORTED", "REFUTED", "DISPUTED", "NOT_ENOUGH_INFO"];

    public static string ToText(Verdict verdict) => Names[(int)verdict];

    public static bool TryParse(string text, out Verdict verdict)
    {
        var index = Names.ToList().IndexOf(text.Trim().Replace(' ', '_').ToUpperInvariant());
        verdict = index >= 0 ? (Verdict)index : default;
        return index >= 0;
    }

    public static Verdict FromClimateFever(string label) => label switch
    {
        "SUPPORTS" => Verdict.Supported,
        "REFUTES" => Verdict.Refuted,
        "DISPUTED" => Verdict.Disputed,
        "NOT_ENOUGH_INFO" => Verdict.NotEnoughInfo,
        _ => throw new InvalidDataException($"Unknown CLIMATE-FEVER claim label '{label}'."),
    };
}
