using TruthGraph.Api.SampleData;

namespace TruthGraph.Api.Evaluation;

/// <summary>
/// Claims verified against the sample corpus, the project's sample claims (<c>SampleData/claims.json</c>) or another set in
/// their format: how many got the expected verdict, and the others.
/// </summary>
public sealed record SampleClaimsCheck(int Right, int Total, IReadOnlyList<SampleClaimsCheck.Miss> Wrong)
{
    public sealed record Miss(string Claim, string Expected, string Got);

    public static SampleClaimsCheck From(IReadOnlyList<SampleClaim> claims, IReadOnlyList<Verdict> verdicts)
    {
        var wrong = new List<Miss>();
        for (var i = 0; i < claims.Count; i++)
        {
            if (!VerdictNames.TryParse(claims[i].ExpectedVerdict, out var expected))
            {
                throw new InvalidDataException($"Sample claim '{claims[i].Claim}': unknown expected verdict '{claims[i].ExpectedVerdict}'.");
            }
            if (expected != verdicts[i])
            {
                wrong.Add(new Miss(claims[i].Claim, VerdictNames.ToText(expected), VerdictNames.ToText(verdicts[i])));
            }
        }
        return new SampleClaimsCheck(claims.Count - wrong.Count, claims.Count, wrong);
    }

    public void Print(TextWriter output, string label = "sample claims")
    {
        output.WriteLine($"{label}: {Right} of {Total} right");
        foreach (var miss in Wrong)
        {
            output.WriteLine($"  expected {miss.Expected}, got {miss.Got}: {miss.Claim}");
        }
    }
}
