using System.Net;
using HosVessel.Web.Accounts;
using Microsoft.Extensions.Time.Testing;

namespace HosVessel.Tests.Accounts;

public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly LoginThrottle throttle;

    public LoginThrottleTests() => throttle = new LoginThrottle(clock);

    [Fact]
    public void Five_failures_for_a_username_block_it_until_the_first_failure_leaves_the_window()
    {
        for (var i = 0; i < 4; i++)
        {
            throttle.RecordFailure("kim", IPAddress.Parse("10.0.0.1"));
            Assert.Null(throttle.RetryAfter("kim", IPAddress.Parse("10.0.0.2")));
            clock.Advance(TimeSpan.FromMinutes(1));
        }
        throttle.RecordFailure("KIM ", IPAddress.Parse("10.0.0.3"));

        Assert.Equal(TimeSpan.FromMinutes(6), throttle.RetryAfter("kim", IPAddress.Parse("10.0.0.9")));
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Null(throttle.RetryAfter("kim", IPAddress.Parse("10.0.0.9")));
    }

    [Fact]
    public void Five_failures_from_one_address_block_every_username_from_it_but_not_other_addresses()
    {
        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            throttle.RecordFailure($"user{i}", IPAddress.Parse("192.0.2.7"));
        }

        Assert.Equal(LoginThrottle.Window, throttle.RetryAfter("someone-else", IPAddress.Parse("192.0.2.7")));
        Assert.Equal(LoginThrottle.Window, throttle.RetryAfter("someone-else", IPAddress.Parse("::ffff:192.0.2.7")));
        Assert.Null(throttle.RetryAfter("someone-else", IPAddress.Parse("192.0.2.8")));
    }

    [Fact]
    public void Addresses_in_one_ipv6_64_block_count_together()
    {
        for (var i = 1; i <= LoginThrottle.MaxFailures; i++)
        {
            throttle.RecordFailure($"user{i}", IPAddress.Parse($"2001:db8:1:2::{i:x}"));
        }

        Assert.NotNull(throttle.RetryAfter("other", IPAddress.Parse("2001:db8:1:2:ffff::1")));
        Assert.Null(throttle.RetryAfter("other", IPAddress.Parse("2001:db8:1:3::1")));
    }

    [Fact]
    public void A_successful_login_clears_the_username_count_but_not_the_address_count()
    {
        var address = IPAddress.Parse("198.51.100.1");
        for (var i = 0; i < LoginThrottle.MaxFailures - 1; i++)
        {
            throttle.RecordFailure("lee", address);
        }
        throttle.RecordSuccess("lee");
        throttle.RecordFailure("lee", null);

        Assert.Null(throttle.RetryAfter("lee", null));
        Assert.Null(throttle.RetryAfter("park", address));
        throttle.RecordFailure("park", address);
        Assert.NotNull(throttle.RetryAfter("park", address));
    }

    [Fact]
    public void Memory_stays_bounded_when_a_spray_uses_many_usernames()
    {
        for (var i = 0; i < LoginThrottle.MaxTrackedKeys + 500; i++)
        {
            throttle.RecordFailure($"spray{i}", null);
        }

        Assert.Equal(LoginThrottle.MaxTrackedKeys, throttle.TrackedKeyCount);
        clock.Advance(LoginThrottle.Window);
        throttle.RecordFailure("after-window", null);
        Assert.Equal(1, throttle.TrackedKeyCount);
    }
}
