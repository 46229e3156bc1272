namespace TruthGraph.Web.Services;

/// <summary>
/// Which sample claims the Verify page offers as chips, and how a check of all of them came out. The sample file lists
/// its claims grouped by expected verdict, so its first dozen are all SUPPORTED: a visitor would never see the
/// corpus refute or dispute anything.
/// </summary>
public static class SampleClaimChoice
{
    /// <summary>The API's verdict spelling; the sample file writes <c>NOT ENOUGH INFO</c> with spaces.</summary>
    public static string Normalize(string verdict) => verdict.Trim().Replace(' ', '_').ToUpperInvariant();

    /// <summary>
    /// Up to <paramref name="count"/> claims taking each expected verdict in turn (in file order within a verdict), so
    /// that every verdict the file holds is shown even when one verdict has most of the claims.
    /// </summary>
    public static IReadOnlyList<SampleClaim> Mix(IReadOnlyList<SampleClaim> samples, int count)
    {
        var queues = samples.GroupBy(s => Normalize(s.ExpectedVerdict))
            .OrderBy(g => Rank(g.Key))
            .Select(g => new Queue<SampleClaim>(g))
            .ToList();
        var chosen = new List<SampleClaim>(count);
        while (chosen.Count < count && queues.Any(q => q.Count > 0))
        {
            foreach (var queue in queues.Where(q => q.Count > 0))
            {
                if (chosen.Count == count)
                {
                    break;
                }
                chosen.Add(queue.Dequeue());
            }
        }
        return chosen;
    }

    /// <summary>A verdict the API does not name (a typo in the file) still shows, after the four known ones.</summary>
    private static int Rank(string verdict) => Verdicts.All.Contains(verdict) ? Verdicts.All.ToList().IndexOf(verdict) : int.MaxValue;
}

/// <summary>A sample claim whose verdict differed from the expected one.</summary>
public sealed record SampleMiss(string Claim, string Expected, string Got);

/// <summary>The outcome of verifying the sample claims: how many came out as expected, and the others in file order.</summary>
public sealed record SampleCheckTally(int Checked, int AsExpected, IReadOnlyList<SampleMiss> Misses)
{
    public static SampleCheckTally Empty { get; } = new(0, 0, []);

    /// <summary>Adds the verdicts of the next claims checked (<paramref name="verdicts"/> in the order of <paramref name="claims"/>).</summary>
    public SampleCheckTally Add(IReadOnlyList<SampleClaim> claims, IReadOnlyList<string> verdicts)
    {
        if (claims.Count != verdicts.Count)
        {
            throw new ArgumentException($"{claims.Count} claims were checked but {verdicts.Count} verdicts came back.", nameof(verdicts));
        }
        var misses = new List<SampleMiss>(Misses);
        for (var i = 0; i < claims.Count; i++)
        {
            var expected = SampleClaimChoice.Normalize(claims[i].ExpectedVerdict);
            var got = SampleClaimChoice.Normalize(verdicts[i]);
            if (expected != got)
            {
                misses.Add(new SampleMiss(claims[i].Claim, expected, got));
            }
        }
        return new SampleCheckTally(Checked + claims.Count, Checked + claims.Count - misses.Count, misses);
    }
}
