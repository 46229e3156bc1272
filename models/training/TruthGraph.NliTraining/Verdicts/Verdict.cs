namespace TruthGraph.NliTraining.Verdicts;

/// <summary>The claim-level outcome. Self-contained (no dependencies) so it can move into the API project.</summary>
public enum Verdict
{
    Supported = 0,
    Refuted = 1,
    Disputed = 2,
    NotEnoughInfo = 3,
}

public static class VerdictNames
{
    public const int Count = 4;

    public static readonly IReadOnlyList<string> Names = ["SUPPORTED", "REFUTED", "DISPUTED", "NOT ENOUGH INFO"];

    public static Verdict FromClimateFever(string label) => label switch
    {
        "SUPPORTS" => Verdict.Supported,
        "REFUTES" => Verdict.Refuted,
        "DISPUTED" => Verdict.Disputed,
        "NOT_ENOUGH_INFO" => Verdict.NotEnoughInfo,
        _ => throw new InvalidDataException($"Unknown CLIMATE-FEVER claim label '{label}'."),
    };
}
