using HosVessel.Web.Accounts;
using Microsoft.Extensions.Time.Testing;

namespace HosVessel.Tests.Accounts;

/// <summary>The login throttle on its own, with a clock of its own.</summary>
public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    private LoginThrottle NewThrottle() => new(clock);

    private static string[] Unknown(string username, string address) =>
        [LoginThrottle.UnknownDeviceKey(username), LoginThrottle.AddressKey(IPAddress.Parse(address))];

    [Fact]
    public void Five_failures_for_a_username_from_unknown_devices_block_it_until_the_first_leaves_the_window()
    {
        var throttle = NewThrottle();
        for (var i = 0; i < 4; i++)
        {
            Assert.Null(throttle.TryBegin(Unknown("kim", $"10.0.0.{i + 1}")).RetryAfter);
            clock.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.Null(throttle.TryBegin(Unknown("KIM ", "10.0.0.5")).RetryAfter);

        Assert.Equal(TimeSpan.FromMinutes(6), throttle.TryBegin(Unknown("kim", "10.0.0.9")).RetryAfter);
        clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Null(throttle.TryBegin(Unknown("kim", "10.0.0.9")).RetryAfter);
    }

    [Fact]
    public void Failures_from_a_known_device_count_against_that_device_only()
    {
        var throttle = NewThrottle();
        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            throttle.TryBegin([LoginThrottle.DeviceKey("device-a")]);
        }

        Assert.NotNull(throttle.TryBegin([LoginThrottle.DeviceKey("device-a")]).RetryAfter);
        Assert.Null(throttle.TryBegin([LoginThrottle.DeviceKey("device-b")]).RetryAfter);
        Assert.Null(throttle.TryBegin(Unknown("owner", "192.0.2.1")).RetryAfter);
    }

    [Fact]
    public void Unknown_device_failures_do_not_block_a_known_device_of_the_same_user()
    {
        var throttle = NewThrottle();
        for (var i = 0; i < 20; i++)
        {
            throttle.TryBegin(Unknown("owner", $"203.0.113.{i + 1}"));
        }

        Assert.NotNull(throttle.TryBegin(Unknown("owner", "198.51.100.1")).RetryAfter);
        Assert.Null(throttle.TryBegin([LoginThrottle.DeviceKey("owners-laptop")]).RetryAfter);
    }

    [Fact]
    public void Five_failures_from_one_address_block_every_username_from_it_but_not_other_addresses()
    {
        var throttle = NewThrottle();
        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            throttle.TryBegin(Unknown($"user{i}", "192.0.2.7"));
        }

        Assert.Equal(LoginThrottle.Window, throttle.TryBegin(Unknown("someone-else", "192.0.2.7")).RetryAfter);
        Assert.Equal(LoginThrottle.Window, throttle.TryBegin(Unknown("someone-else", "::ffff:192.0.2.7")).RetryAfter);
        Assert.Null(throttle.TryBegin(Unknown("someone-else", "192.0.2.8")).RetryAfter);
    }

    [Fact]
    public void Addresses_in_one_ipv6_64_block_count_together()
    {
        var throttle = NewThrottle();
        for (var i = 1; i <= LoginThrottle.MaxFailures; i++)
        {
            throttle.TryBegin(Unknown($"user{i}", $"2001:db8:1:2::{i:x}"));
        }

        Assert.NotNull(throttle.TryBegin(Unknown("other", "2001:db8:1:2:ffff::1")).RetryAfter);
        Assert.Null(throttle.TryBegin(Unknown("other", "2001:db8:1:3::1")).RetryAfter);
    }

    [Fact]
    public void A_success_takes_its_attempt_back_and_resets_its_device_but_not_the_address()
    {
        var throttle = NewThrottle();
        for (var i = 0; i < LoginThrottle.MaxFailures - 1; i++)
        {
            throttle.TryBegin([LoginThrottle.DeviceKey("laptop")]);
            throttle.TryBegin(Unknown($"spray{i}", "198.51.100.1"));
        }
        throttle.Succeeded(throttle.TryBegin([LoginThrottle.DeviceKey("laptop")]));
        throttle.Succeeded(throttle.TryBegin(Unknown("lee", "198.51.100.1")));

        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            Assert.Null(throttle.TryBegin([LoginThrottle.DeviceKey("laptop")]).RetryAfter);
        }
        Assert.Null(throttle.TryBegin(Unknown("park", "198.51.100.1")).RetryAfter);
        Assert.NotNull(throttle.TryBegin(Unknown("park", "198.51.100.1")).RetryAfter);
    }

    [Fact]
    public async Task Parallel_attempts_are_checked_and_counted_in_one_step()
    {
        var throttle = NewThrottle();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => throttle.TryBegin(Unknown("burst", $"203.0.113.{i + 1}")))));

        Assert.Equal(LoginThrottle.MaxFailures, attempts.Count(a => a.RetryAfter is null));
    }

    [Fact]
    public void Memory_stays_bounded_when_a_spray_uses_many_usernames()
    {
        var throttle = NewThrottle();
        for (var i = 0; i < LoginThrottle.MaxTrackedKeys + 500; i++)
        {
            throttle.TryBegin([LoginThrottle.UnknownDeviceKey($"spray{i}")]);
        }

        Assert.Equal(LoginThrottle.MaxTrackedKeys, throttle.TrackedKeyCount);
        clock.Advance(LoginThrottle.Window);
        throttle.TryBegin([LoginThrottle.UnknownDeviceKey("after-window")]);
        Assert.Equal(1, throttle.TrackedKeyCount);
    }
}
