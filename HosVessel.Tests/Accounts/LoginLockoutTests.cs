using System.Diagnostics.Metrics;
using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Accounts;
using HosVessel.Web.Pages;

namespace HosVessel.Tests.Accounts;

/// <summary>
/// The login throttle through HTTP: the app with a test clock and client addresses. A request "from" an address
/// comes from loopback with X-Forwarded-For, as behind Caddy.
/// </summary>
public sealed class LoginLockoutTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Password = "Throttle-Passw0rd!";

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
