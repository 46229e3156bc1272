namespace TruthGraph.Api.Performance;

/// <summary>The three kinds of performance job; each has its own route and its own result shape.</summary>
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
    /// <summary>The name stored in the database and shown in events: profile, sweep, perf-run.</summary>
    public static string Name(this PerfJobKind kind) => kind switch
    {
        PerfJobKind.Profile => "profile",
        PerfJobKind.Sweep => "sweep",
        _ => "perf-run",
    };

    /// <summary>The API route of the kind: /api/profiles, /api/sweeps, /api/perf-runs.</summary>
    public static string Route(this PerfJobKind kind) => "/api/" + kind.Name() + "s";

    public static PerfJobKind Parse(string name) => name switch
    {
        "profile" => PerfJobKind.Profile,
        "sweep" => PerfJobKind.Sweep,
        "perf-run" => PerfJobKind.PerfRun,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a performance job kind"),
    };
}
