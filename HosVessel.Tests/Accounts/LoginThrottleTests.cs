using System.Diagnostics.Metrics;
using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Accounts;
using HosVessel.Web.Pages;
using Microsoft.Extensions.Time.Testing;

namespace HosVessel.Tests.Accounts;

/// <summary>
/// The login throttle on its own (a clock of its own) and through HTTP (the app with a test clock and client
/// addresses). Through HTTP a request "from" an address comes from loopback with X-Forwarded-For, as behind Caddy.
/// </summary>
public sealed class LoginThrottleTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Password = "Throttle-Passw0rd!";

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

    [Fact]
    public async Task A_flood_of_wrong_passwords_from_twenty_addresses_does_not_lock_out_the_owners_browser()
    {
        await factory.EnsureUserAsync("flood-owner", Password, Roles.Viewer);
        var owner = Behind(factory, "198.51.100.10");
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(owner, "flood-owner", Password)).StatusCode);
        await owner.PostFormAsync("/logout", [], formPageUrl: "/");

        for (var i = 0; i < 20; i++)
        {
            var stranger = Behind(factory, $"203.0.113.{i + 1}");
            var guess = await LoginAsync(stranger, "flood-owner", $"guess-{i}-Passw0rd");
            Assert.True(guess.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests, $"guess {i}: {(int)guess.StatusCode}");
        }
        var newBrowser = await LoginAsync(Behind(factory, "198.51.100.11"), "flood-owner", Password);
        var ownersBrowser = await LoginAsync(owner, "flood-owner", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, newBrowser.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, ownersBrowser.StatusCode);
        Assert.Contains("flood-owner", await owner.GetStringAsync("/"));
    }

    [Fact]
    public async Task A_tampered_device_cookie_counts_as_an_unknown_device()
    {
        await factory.EnsureUserAsync("cookie-owner", Password, Roles.Viewer);
        var owner = Behind(factory, "198.51.100.20");
        var login = await LoginAsync(owner, "cookie-owner", Password);
        var device = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(LoginDevices.CookieName + "="));
        Assert.Contains("httponly", device, StringComparison.OrdinalIgnoreCase);
        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            await LoginAsync(Behind(factory, $"203.0.113.{100 + i}"), "cookie-owner", "wrong-Passw0rd");
        }

        var tampered = device.Split(';')[0];
        tampered = tampered[..^2] + (tampered[^2] == 'A' ? "B" : "A") + tampered[^1];
        var forged = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        forged.DefaultRequestHeaders.Add(AccountsFactory.ClientIpHeader, "127.0.0.1");
        forged.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.21");
        var page = await forged.GetAsync("/login");
        var antiforgery = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.Contains("Antiforgery"));
        var token = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(),
            "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["username"] = "cookie-owner", ["password"] = Password, ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            }),
        };
        request.Headers.Add("Cookie", $"{antiforgery}; {tampered}");

        Assert.Equal(HttpStatusCode.TooManyRequests, (await forged.SendAsync(request)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await LoginAsync(owner, "cookie-owner", Password)).StatusCode);
    }

    [Fact]
    public async Task A_burst_of_fifty_parallel_guesses_checks_at_most_five_passwords()
    {
        await factory.EnsureUserAsync("burst-target", Password, Roles.Viewer);
        var clients = Enumerable.Range(0, 50).Select(i => Behind(factory, $"192.0.2.{i + 100}")).ToList();
        var tokens = await Task.WhenAll(clients.Select(c => c.GetAntiforgeryTokenAsync("/login")));

        var responses = await Task.WhenAll(clients.Select((client, i) => client.PostAsync("/login", new FormUrlEncodedContent(
            new Dictionary<string, string> { ["username"] = "burst-target", ["password"] = $"guess-{i}", ["__RequestVerificationToken"] = tokens[i] }))));

        var checkedPasswords = factory.Logs.Entries.Count(e => e.Message.StartsWith("Failed login for burst-target ", StringComparison.Ordinal));
        Assert.True(checkedPasswords <= LoginThrottle.MaxFailures, $"{checkedPasswords} passwords were checked");
        Assert.Equal(50 - checkedPasswords, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task A_huge_username_with_line_breaks_is_logged_cut_and_on_one_line()
    {
        var username = "fake\r\n[Critical] admin logged in\u001b[0m" + new string('u', 3 * 1024 * 1024);

        var response = await LoginAsync(Behind(factory, "192.0.2.250"), username, "wrong-Passw0rd");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var logged = factory.Logs.Entries.Single(e => e.Message.StartsWith("Failed login for fake", StringComparison.Ordinal)).Message;
        Assert.True(logged.Length < 200, $"{logged.Length} characters logged");
        Assert.DoesNotContain('\n', logged);
        Assert.DoesNotContain('\r', logged);
        Assert.DoesNotContain('\u001b', logged);
    }

    [Fact]
    public async Task Sixth_attempt_for_one_username_from_unknown_devices_gets_429_with_retry_after_even_with_the_right_password()
    {
        await factory.EnsureUserAsync("throttle-user", Password, Roles.Viewer);
        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            // A different address each time: the username alone must trigger the limit.
            var failed = await LoginAsync(factory.CreateClientFrom($"203.0.113.{i + 1}"), "throttle-user", "wrong-password");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Contains(LoginModel.FailureMessage, await failed.Content.ReadAsStringAsync());
        }

        var blocked = await LoginAsync(factory.CreateClientFrom("203.0.113.99"), "throttle-user", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        var retryAfter = blocked.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromMinutes(9), LoginThrottle.Window);
        Assert.Contains("로그인 시도가 너무 많습니다. 10분 후에 다시 시도해 주세요.", await blocked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_failures_from_one_address_block_other_usernames_from_that_address_only()
    {
        await factory.EnsureUserAsync("ip-victim", Password, Roles.Viewer);
        var attacker = factory.CreateClientFrom("198.51.100.50");
        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            await LoginAsync(attacker, $"guess{i}", "wrong-password");
        }

        var blocked = await LoginAsync(attacker, "ip-victim", Password);
        var elsewhere = await LoginAsync(factory.CreateClientFrom("198.51.100.51"), "ip-victim", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.NotNull(blocked.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.Redirect, elsewhere.StatusCode);
    }

    [Fact]
    public async Task After_the_window_passes_the_right_password_logs_in_again()
    {
        await factory.EnsureUserAsync("patient-user", Password, Roles.Viewer);
        var client = factory.CreateClientFrom("192.0.2.200");
        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            await LoginAsync(client, "patient-user", "wrong-password");
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(client, "patient-user", Password)).StatusCode);

        factory.Clock.Advance(LoginThrottle.Window);
        var response = await LoginAsync(client, "patient-user", Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("patient-user", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task Logins_are_counted_by_result_on_the_HosVessel_meter()
    {
        var results = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "HosVessel" && instrument.Name == AccountsTelemetry.LoginsCounterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == AccountsTelemetry.ResultTag)
                {
                    results.Add((string)tag.Value!);
                }
            }
        });
        listener.Start();

        await factory.EnsureUserAsync("counted-user", Password, Roles.Viewer);
        await LoginAsync(factory.CreateClientFrom("192.0.2.77"), "counted-user", Password);
        var stranger = factory.CreateClientFrom("192.0.2.78");
        for (var i = 0; i <= LoginThrottle.MaxFailures; i++)
        {
            await LoginAsync(stranger, "counted-user", "wrong-password");
        }

        Assert.Contains("success", results);
        Assert.Contains("failure", results);
        Assert.Contains("throttled", results);
    }

    // Loopback is a trusted proxy, so the app takes the client address from X-Forwarded-For, as behind Caddy.
    private static HttpClient Behind(AccountsFactory factory, string clientAddress)
    {
        var client = factory.CreateClientFrom("127.0.0.1");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", clientAddress);
        return client;
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string username, string password) =>
        client.PostFormAsync("/login", new() { ["username"] = username, ["password"] = password });
}
