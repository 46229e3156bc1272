namespace Microsoft.Extensions.Hosting;

/// <summary>The <c>RateLimits</c> configuration section: token buckets, so that short bursts pass and floods do not.</summary>
public sealed class RateLimitSettings
{
    /// <summary>Per client address, for callers without the API key. Key holders (the dashboard, operators) are not limited here.</summary>
    public TokenBucketSettings Verify { get; set; } = new() { PermitsPerSecond = 20, Burst = 40 };

    /// <summary>One bucket for all admin operations: there is one key, so per-caller buckets would only be per-address.</summary>
    public TokenBucketSettings Admin { get; set; } = new() { PermitsPerSecond = 1, Burst = 30 };
}

public sealed class TokenBucketSettings
{
    /// <summary>Sustained rate; tokens come back every second.</summary>
    public int PermitsPerSecond { get; set; }

    /// <summary>How many requests may arrive at once before the rate applies.</summary>
    public int Burst { get; set; }
}
