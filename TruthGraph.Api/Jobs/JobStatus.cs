using System.Text.Json.Serialization;
using TruthGraph.ServiceDefaults;

namespace TruthGraph.Api.Jobs;

/// <summary>Where a background job (an ingestion, a performance job) stands. Sent, and stored, as its lower-case name.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<JobStatus>))]
public enum JobStatus { Queued, Running, Completed, Failed, Cancelled }

public static class JobStatuses
{
    /// <summary>Completed, failed or cancelled: nothing more will happen to the job.</summary>
    public static bool IsFinished(this JobStatus status) => status is JobStatus.Completed or JobStatus.Failed or JobStatus.Cancelled;
}
