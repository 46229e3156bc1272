using System.Text.Json;
using System.Text.Json.Serialization;

namespace TruthGraph.ServiceDefaults;

/// <summary>
/// An enum as its lower-case, dash-separated name (PerfRun ↔ "perf-run"): how the API sends job kinds and statuses,
/// and how the dashboard reads them. Only those names are read (no numbers).
/// </summary>
public sealed class KebabCaseEnumConverter<T>() : JsonStringEnumConverter<T>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
    where T : struct, Enum;
