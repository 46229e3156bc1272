namespace TruthGraph.Api.Performance;

/// <summary>
/// The stage times of verify calls, each call's own wall time around the pipeline as its total: what the pipeline's
/// stage timer did not see (validation, cache lookups, scheduling, the call itself) is the call's overhead.
/// </summary>
public sealed class StageSamples
{
    public static readonly string[] Stages = ["embed", "retrieve", "nli", "aggregate", "database", "overhead"];
    private readonly List<double[]> _calls = [];

    public int Count => _calls.Count;

    public void Add(StageTimings timings, double callWallMs)
    {
        var measured = timings.EmbedMs + timings.RetrieveMs + timings.NliMs + timings.AggregateMs + timings.DbMs;
        _calls.Add([timings.EmbedMs, timings.RetrieveMs, timings.NliMs, timings.AggregateMs, timings.DbMs, Math.Max(0, callWallMs - measured), callWallMs]);
    }

    public double TotalMs => _calls.Sum(c => c[^1]);

    public IReadOnlyList<StageSummary> Summaries()
    {
        var total = TotalMs;
        return Stages.Select((stage, i) => StageStatistics.Summarize(stage, _calls.Select(c => c[i]).ToList(), total)).ToList();
    }

    public StageSummary Total() => StageStatistics.Summarize("total", _calls.Select(c => c[^1]).ToList(), TotalMs);
}
