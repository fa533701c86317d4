using System.Globalization;
using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Accounts;

/// <summary>
/// "로그인 유지" keeps a session 30 days from the last use; without it a session lives while used and ends after
/// 12 idle hours. The app's clock is the test's, so days pass without waiting.
/// </summary>
public sealed class SessionLifetimeTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    private const string AuthCookie = "hosvessel.auth";
    private const string Password = "Session-Passw0rd!";

    [Fact]
    public async Task A_remembered_session_lasts_30_days_from_its_last_use()
    {
        var (client, login) = await LoginAsync("remember-me", remember: true);

        AssertNear(factory.Clock.GetUtcNow() + TimeSpan.FromDays(30), CookieExpiry(login));
        factory.Clock.Advance(TimeSpan.FromDays(20));
        var used = await client.GetAsync("/voyage");
        Assert.Equal(HttpStatusCode.OK, used.StatusCode);
        AssertNear(factory.Clock.GetUtcNow() + TimeSpan.FromDays(30), CookieExpiry(used));
        factory.Clock.Advance(TimeSpan.FromDays(20));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/voyage")).StatusCode);

        factory.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        AssertSentToLogin(await client.GetAsync("/voyage"));
    }

    [Fact]
    public async Task Without_remember_me_the_cookie_ends_with_the_browser_and_the_session_after_12_idle_hours()
    {
        var (client, login) = await LoginAsync("forget-me", remember: false);

        Assert.DoesNotContain("expires=", AuthSetCookie(login)!, StringComparison.OrdinalIgnoreCase);
        // Well inside the renewal interval nothing is re-issued.
        Assert.Null(AuthSetCookie(await client.GetAsync("/voyage")));
        factory.Clock.Advance(TimeSpan.FromHours(11));
        var renewed = await client.GetAsync("/voyage");
        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        Assert.NotNull(AuthSetCookie(renewed));
        factory.Clock.Advance(TimeSpan.FromHours(11));
        // 22 hours after login, active all along: still signed in.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/voyage")).StatusCode);

        factory.Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));
        AssertSentToLogin(await client.GetAsync("/voyage"));
    }

    [Fact]
    public async Task A_client_resending_an_old_cookie_moves_the_session_row_once_per_renewal_interval()
    {
        var (_, login) = await LoginAsync("stale-cookie", remember: false);
        var cookie = AuthSetCookie(login)!.Split(';')[0];
        async Task<HttpResponseMessage> SendOldCookieAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/voyage");
            request.Headers.Add("Cookie", cookie);
            return await factory.CreateBrowserClient().SendAsync(request);
        }

        factory.Clock.Advance(AccountsExtensions.RenewAfter + TimeSpan.FromMinutes(1));
        Assert.NotNull(AuthSetCookie(await SendOldCookieAsync()));
        var renewed = await RowDeadlineAsync("stale-cookie");
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        var again = await SendOldCookieAsync();

        Assert.NotNull(AuthSetCookie(again)); // the browser still gets a fresh cookie
        Assert.Equal(renewed, await RowDeadlineAsync("stale-cookie")); // but the row was not written again
        factory.Clock.Advance(AccountsExtensions.RenewAfter);
        Assert.Equal(HttpStatusCode.OK, (await SendOldCookieAsync()).StatusCode);
        Assert.NotEqual(renewed, await RowDeadlineAsync("stale-cookie"));
    }

    private async Task<string> RowDeadlineAsync(string username)
    {
        await using var connection = await factory.Services.GetRequiredService<HosVessel.Web.Data.Database>().OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection,
            "SELECT s.expires_at FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.username = @username", new { username }) ?? "";
    }

    [Fact]
    public async Task Logout_still_ends_a_remembered_session_at_once()
    {
        var (client, login) = await LoginAsync("remember-logout", remember: true);
        var cookie = AuthSetCookie(login)!.Split(';')[0];

        await client.PostFormAsync("/logout", [], formPageUrl: "/");
        using var replay = new HttpRequestMessage(HttpMethod.Get, "/voyage");
        replay.Headers.Add("Cookie", cookie);

        AssertSentToLogin(await factory.CreateBrowserClient().SendAsync(replay));
    }

    [Theory]
    [InlineData("/login?ReturnUrl=%2Fvessel%2Flist%3Fname%3Decopia", "/vessel/list?name=ecopia")]
    [InlineData("/login", "/")]
    [InlineData("/login?ReturnUrl=https%3A%2F%2Fevil.example%2F", "/")]
    [InlineData("/login?ReturnUrl=%2F%2Fevil.example", "/")]
    [InlineData("/login?ReturnUrl=%2Flogin%3FReturnUrl%3D%252F", "/")]
    public async Task Login_page_sends_someone_signed_in_on_to_a_local_return_url_or_home(string url, string expected)
    {
        var (client, _) = await LoginAsync("already-in", remember: false);

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Login_page_offers_remember_me_and_the_top_bar_offers_the_password_change()
    {
        var form = await factory.CreateBrowserClient().GetStringAsync("/login");
        var (client, _) = await LoginAsync("menu-user", remember: false);
        var home = await client.GetStringAsync("/");

        Assert.Contains("name=\"remember\" type=\"checkbox\"", form);
        Assert.Contains("로그인 유지", form);
        Assert.Contains("menu-user · 계정</a>", home);
        Assert.Contains("<a href=\"/account/password\">비밀번호 변경</a>", home);
    }

    private async Task<(HttpClient Client, HttpResponseMessage Login)> LoginAsync(string username, bool remember)
    {
        await factory.EnsureUserAsync(username, Password, Roles.Viewer);
        var client = factory.CreateBrowserClient();
        var fields = new Dictionary<string, string> { ["username"] = username, ["password"] = Password };
        if (remember)
        {
            fields["remember"] = "true";
        }
        var login = await client.PostFormAsync("/login", fields);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        return (client, login);
    }

    private static string? AuthSetCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.SingleOrDefault(v => v.StartsWith(AuthCookie + "=")) : null;

    private static DateTimeOffset CookieExpiry(HttpResponseMessage response)
    {
        var attribute = AuthSetCookie(response)!.Split(';').Select(part => part.Trim())
            .Single(part => part.StartsWith("expires=", StringComparison.OrdinalIgnoreCase));
        return DateTimeOffset.Parse(attribute["expires=".Length..], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    private static void AssertNear(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.InRange(actual, expected - TimeSpan.FromMinutes(1), expected + TimeSpan.FromMinutes(1));

    private static void AssertSentToLogin(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }
}
