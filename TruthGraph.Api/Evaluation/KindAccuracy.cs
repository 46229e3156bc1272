namespace TruthGraph.Api.Evaluation;

/// <summary>
/// Claim accuracy for one contrast kind (the optional <c>kind</c> of a claim, e.g. <c>paraphrase</c>, <c>negation</c>):
/// the gold label(s) of its claims, how many there are, how many got their gold verdict, and every verdict given.
/// </summary>
public sealed record KindAccuracy(string Kind, string Gold, int Claims, int Correct, double Accuracy, IReadOnlyDictionary<string, int> Verdicts)
{
    /// <summary>One row per kind in the order the kinds first appear; null when no claim has a kind (CLIMATE-FEVER).</summary>
    public static IReadOnlyList<KindAccuracy>? From(IReadOnlyList<LabelledClaim> claims, IReadOnlyList<Verdict> verdicts)
    {
        if (claims.All(c => c.Kind is null))
        {
            return null;
        }
        return claims.Zip(verdicts, (claim, verdict) => (Claim: claim, Verdict: verdict))
            .GroupBy(p => p.Claim.Kind ?? "(none)")
            .Select(group =>
            {
                var claimCount = group.Count();
                var correct = group.Count(p => p.Claim.Label == p.Verdict);
                var gold = string.Join('/', group.Select(p => VerdictNames.ToText(p.Claim.Label)).Distinct());
                var given = VerdictNames.Names.ToDictionary(name => name, name => group.Count(p => VerdictNames.ToText(p.Verdict) == name));
                return new KindAccuracy(group.Key, gold, claimCount, correct, Math.Round((double)correct / claimCount, 4), given);
            })
            .ToList();
    }

    public static void Print(TextWriter output, IReadOnlyList<KindAccuracy> rows)
    {
        var kindWidth = Math.Max(18, rows.Max(r => r.Kind.Length) + 2);
        var goldWidth = Math.Max(17, rows.Max(r => r.Gold.Length) + 2);
        output.WriteLine("claims per kind (verdicts given):");
        output.WriteLine($"  {"kind".PadRight(kindWidth)}{"gold".PadRight(goldWidth)}{"claims",7}{"correct",9}{"accuracy",10}" +
                         string.Concat(VerdictNames.Names.Select(n => Short(n).PadLeft(11))));
        foreach (var row in rows)
        {
            output.WriteLine($"  {row.Kind.PadRight(kindWidth)}{row.Gold.PadRight(goldWidth)}{row.Claims,7}{row.Correct,9}{row.Accuracy,10:F3}" +
                             string.Concat(VerdictNames.Names.Select(n => row.Verdicts.GetValueOrDefault(n).ToString().PadLeft(11))));
        }
    }

    private static string Short(string name) => name.Length <= 10 ? name : name[..10];
}
