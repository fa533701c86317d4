using System.Diagnostics.Metrics;
using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Accounts;
using HosVessel.Web.Pages;

namespace HosVessel.Tests.Accounts;

public sealed class LoginThrottlingTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string Password = "Throttle-Passw0rd!";

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string username, string password) =>
        client.PostFormAsync("/login", new() { ["username"] = username, ["password"] = password });

    [Fact]
    public async Task Sixth_attempt_for_one_username_gets_429_with_retry_after_even_with_the_right_password()
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
        var client = factory.CreateClientFrom("192.0.2.77");
        await LoginAsync(client, "counted-user", Password);
        for (var i = 0; i <= LoginThrottle.MaxFailures; i++)
        {
            await LoginAsync(client, "counted-user", "wrong-password");
        }

        Assert.Contains("success", results);
        Assert.Contains("failure", results);
        Assert.Contains("throttled", results);
    }
}
