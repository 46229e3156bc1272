namespace TruthGraph.Web.Services;

/// <summary>The API's verdicts as the dashboard spells them (the wire names), in the order pages list them.</summary>
public static class Verdicts
{
    public static readonly IReadOnlyList<string> All = ["SUPPORTED", "REFUTED", "DISPUTED", "NOT_ENOUGH_INFO"];
}
