namespace TruthGraph.Api.Verification;

/// <summary>The wire names of verdicts (as stored and as sent), e.g. <c>NOT_ENOUGH_INFO</c>.</summary>
public static class VerdictNames
{
    public static string ToText(Verdict verdict) => verdict switch
    {
        Verdict.Supported => "SUPPORTED",
        Verdict.Refuted => "REFUTED",
        Verdict.Disputed => "DISPUTED",
        _ => "NOT_ENOUGH_INFO",
    };

    public static bool TryParse(string text, out Verdict verdict)
    {
        switch (text.Trim().Replace(' ', '_').ToUpperInvariant())
        {
            case "SUPPORTED": verdict = Verdict.Supported; return true;
            case "REFUTED": verdict = Verdict.Refuted; return true;
            case "DISPUTED": verdict = Verdict.Disputed; return true;
            case "NOT_ENOUGH_INFO": verdict = Verdict.NotEnoughInfo; return true;
            default: verdict = default; return false;
        }
    }
}
