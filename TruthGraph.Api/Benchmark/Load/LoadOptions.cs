namespace TruthGraph.Api.Benchmark.Load;

/// <summary>What a load run does: how many clients, for how long, against which API, with which claims.</summary>
public sealed record LoadOptions
{
    /// <summary>Upper bounds, so that a typo cannot start an unbounded run.</summary>
    public const int MaxClients = 256;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(10);

    public required Uri ApiUrl { get; init; }
    public required IReadOnlyList<string> Claims { get; init; }
    public int Clients { get; init; } = 16;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Load sent before the measured run and not counted (nor its memory sampled).</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Every request a claim the API has not seen (a numbered variant), so each one runs the whole pipeline.</summary>
    public bool UniqueClaims { get; init; } = true;

    public int TopK { get; init; } = 10;

    /// <summary>Sent as X-Api-Key when set: key holders are not held to the per-address verify rate limit.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Processes whose working set is sampled during the run (the API and inference services).</summary>
    public IReadOnlyList<int> ProcessIds { get; init; } = [];

    public TimeSpan SampleInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Why these options cannot run, or null. Loopback only: this tool must never be pointed at someone else's server.</summary>
    public string? Problem() =>
        !ApiUrl.IsLoopback ? $"--url must be a loopback address (localhost, 127.0.0.1, [::1]); {ApiUrl.Host} is not"
        : Clients is < 1 or > MaxClients ? $"--clients must be between 1 and {MaxClients}"
        : Duration <= TimeSpan.Zero || Duration > MaxDuration ? $"--duration must be between 1 s and {MaxDuration.TotalMinutes:0} min"
        : WarmUp < TimeSpan.Zero || WarmUp > MaxDuration ? $"--warmup must be between 0 s and {MaxDuration.TotalMinutes:0} min"
        : Claims.Count == 0 ? "there are no claims to send"
        : null;
}
