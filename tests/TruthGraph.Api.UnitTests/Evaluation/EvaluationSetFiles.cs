using TruthGraph.Inference.Bench;

namespace TruthGraph.Api.UnitTests.Evaluation;

/// <summary>The hand-written evaluation files shipped in the API (<c>TruthGraph.Api/Evaluation/Data/</c>) and what their kinds mean.</summary>
internal static class EvaluationSetFiles
{
    /// <summary>The claim label each kind of change implies, in the contrast set and the newcomer probe alike.</summary>
    public static readonly IReadOnlyDictionary<string, Verdict> LabelOfKind = new Dictionary<string, Verdict>
    {
        ["paraphrase"] = Verdict.Supported,
        // True claims that carry a negation themselves: a model that reads "not" as "false" fails these.
        ["true-negation"] = Verdict.Supported,
        ["number"] = Verdict.Refuted,
        ["date"] = Verdict.Refuted,
        ["name"] = Verdict.Refuted,
        ["place"] = Verdict.Refuted,
        ["negation"] = Verdict.Refuted,
        ["antonym"] = Verdict.Refuted,
        ["unrelated-detail"] = Verdict.NotEnoughInfo,
        ["conflict"] = Verdict.Disputed,
    };

    /// <summary>
    /// What every hand-written contrast set must be: each claim's label the one its kind implies, ids and wordings unique, and
    /// a conflict backed by two sources at least.
    /// </summary>
    public static void AssertWellFormedContrastSet(IReadOnlyList<LabelledClaim> claims)
    {
        Assert.All(claims, c => Assert.Equal(LabelOfKind[c.Kind!], c.Label));
        Assert.Equal(claims.Count, claims.Select(c => c.Id).Distinct().Count());
        Assert.Equal(claims.Count, claims.Select(c => c.Claim.Trim().ToLowerInvariant()).Distinct().Count());
        Assert.All(claims.Where(c => c.Kind == "conflict"), c => Assert.True(c.Evidence.Count >= 2, c.Id));
    }

    public static string PathOf(string fileName) => Path.Combine(SharedData.RepositoryRoot()
        ?? throw new DirectoryNotFoundException("TruthGraph.sln not found above the test output folder."),
        "TruthGraph.Api", "Evaluation", "Data", fileName);
}
