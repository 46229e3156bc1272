using TruthGraph.Web.Security;

namespace TruthGraph.Web.UnitTests.Security;

public sealed class SignInThrottleTests
{
    [Fact]
    public void An_address_is_locked_out_after_its_allowed_failures_and_others_are_not()
    {
        using var throttle = new SignInThrottle(failuresPerMinute: 3);

        Assert.False(throttle.RecordFailure("10.0.0.1"));
        Assert.False(throttle.RecordFailure("10.0.0.1"));
        Assert.False(throttle.IsLockedOut("10.0.0.1"));
        Assert.True(throttle.RecordFailure("10.0.0.1"), "the third failure is the last one allowed");
        Assert.True(throttle.IsLockedOut("10.0.0.1"));

        Assert.False(throttle.IsLockedOut("10.0.0.2"), "another address keeps its own count");
    }

    [Fact]
    public void An_address_that_never_failed_is_not_locked_out() =>
        Assert.False(new SignInThrottle(failuresPerMinute: 1).IsLockedOut("10.0.0.3"));
}
