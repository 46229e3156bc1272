using System.Text.Json.Serialization;
using TruthGraph.ServiceDefaults;

namespace TruthGraph.Api.Performance;

/// <summary>The three kinds of performance job; each has its own route and its own result shape. Sent, and stored, as profile, sweep, perf-run.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<PerfJobKind>))]
public enum PerfJobKind
{
    /// <summary>Where time and memory go: per model and component, CPU sampling, bottlenecks. Result: <see cref="ProfileJobReport"/>.</summary>
    Profile,

    /// <summary>Throughput, latency and memory per batch size, and a recommendation to apply. Result: <see cref="SweepReport"/>.</summary>
    Sweep,

    /// <summary>The verification pipeline end to end, per stage, against targets. Result: <see cref="PerfRunReport"/>.</summary>
    PerfRun,
}

public static class PerfJobKinds
{
    /// <summary>The name stored in the database and sent in JSON: profile, sweep, perf-run.</summary>
    public static string Name(this PerfJobKind kind) => kind.WireName();

    /// <summary>The API route of the kind: /api/profiles, /api/sweeps, /api/perf-runs.</summary>
    public static string Route(this PerfJobKind kind) => "/api/" + kind.Name() + "s";
}
