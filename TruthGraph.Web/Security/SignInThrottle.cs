using System.Threading.RateLimiting;

namespace TruthGraph.Web.Security;

/// <summary>
/// Counts failed sign-ins per client address: after <c>Security:SignInFailuresPerMinute</c> of them in a minute the
/// address is told to wait, so the key cannot be guessed at the speed of a script. Successful sign-ins cost nothing,
/// so an admin who types the key right is never held back by this.
/// </summary>
public sealed class SignInThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _failures;

    public SignInThrottle(int failuresPerMinute)
    {
        var window = TimeSpan.FromMinutes(1);
        _failures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ =>
            new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, failuresPerMinute), Window = window, QueueLimit = 0 }));
    }

    /// <summary>Whether <paramref name="address"/> has failed too often to try again yet.</summary>
    public bool IsLockedOut(string address) => _failures.GetStatistics(address)?.CurrentAvailablePermits <= 0;

    /// <summary>Counts a failed attempt; true when it was the last one allowed in this window.</summary>
    public bool RecordFailure(string address)
    {
        using var lease = _failures.AttemptAcquire(address);
        return IsLockedOut(address);
    }

    public void Dispose() => _failures.Dispose();
}
