namespace TruthGraph.Web.Services;

/// <summary>The Performance page's addresses: one per job, so a job can be opened from the history, a link or a reload.</summary>
public static class PerformanceLinks
{
    public const string Page = "performance";

    public static string Job(PerfJobView job) => Job(job.Kind, job.Id);

    public static string Job(PerfKind kind, Guid id) => $"{Page}/{kind.Name()}/{id}";
}
