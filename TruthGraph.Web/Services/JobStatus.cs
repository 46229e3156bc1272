using System.Text.Json.Serialization;
using TruthGraph.ServiceDefaults;

namespace TruthGraph.Web.Services;

/// <summary>Where an ingestion or a performance job stands (the API's <c>JobStatus</c>: queued, running, completed, failed, cancelled).</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<JobStatus>))]
public enum JobStatus { Queued, Running, Completed, Failed, Cancelled }
