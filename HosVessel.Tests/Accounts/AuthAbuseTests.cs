using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Accounts;

public sealed class AuthAbuseTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    private const string AuthCookie = "hosvessel.auth";

    /// <summary>Every admin-only endpoint of the accounts feature: method, url.</summary>
    public static TheoryData<string, string> AdminEndpoints => new()
    {
        { "GET", "/signup" },
        { "POST", "/signup" },
        { "GET", "/users" },
        { "POST", "/users?handler=Role" },
        { "POST", "/users?handler=Password" },
        { "POST", "/users?handler=Delete" },
    };

    [Fact]
    public async Task A_session_cookie_replayed_after_logout_is_sent_to_the_login_page()
    {
        var client = factory.CreateBrowserClient();
        var login = await client.PostFormAsync("/login", new() { ["username"] = HosVesselFactory.AdminUsername, ["password"] = HosVesselFactory.AdminPassword });
        var cookie = login.Headers.GetValues("Set-Cookie").Single(value => value.StartsWith(AuthCookie + "=")).Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, (await GetWithCookieAsync("/users", cookie)).StatusCode);

        await client.PostFormAsync("/logout", [], formPageUrl: "/");
        var replay = await GetWithCookieAsync("/users", cookie);

        Assert.Equal(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.StartsWith("/login", replay.Headers.Location!.OriginalString.Replace("http://localhost", ""));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("CfDJ8AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_forged_session_cookie_is_not_accepted(string value)
    {
        var response = await GetWithCookieAsync("/users", $"{AuthCookie}={value}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_real_session_cookie_with_one_character_changed_is_not_accepted()
    {
        var client = factory.CreateBrowserClient();
        var login = await client.PostFormAsync("/login", new() { ["username"] = HosVesselFactory.AdminUsername, ["password"] = HosVesselFactory.AdminPassword });
        var value = login.Headers.GetValues("Set-Cookie").Single(v => v.StartsWith(AuthCookie + "=")).Split(';')[0][(AuthCookie.Length + 1)..];
        var middle = value.Length / 2;
        var tampered = value[..middle] + (value[middle] == 'A' ? 'B' : 'A') + value[(middle + 1)..];

        var response = await GetWithCookieAsync("/users", $"{AuthCookie}={tampered}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task A_viewer_is_refused_on_every_admin_endpoint(string method, string url)
    {
        var viewer = await factory.LoginAsViewerAsync("abuse-viewer");
        var before = await factory.Services.GetRequiredService<UserStore>().FindByUsernameAsync(HosVesselFactory.AdminUsername);

        var response = await SendAsync(viewer, method, url, formPageUrl: "/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/access-denied", response.Headers.Location!.OriginalString);
        var after = await factory.Services.GetRequiredService<UserStore>().FindByUsernameAsync(HosVesselFactory.AdminUsername);
        Assert.Equal(before, after);
        var denied = await viewer.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("접근 권한이 없습니다.", await denied.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(AdminEndpoints))]
    public async Task Anonymous_requests_to_admin_endpoints_are_sent_to_login(string method, string url)
    {
        var anonymous = factory.CreateBrowserClient();

        var response = await SendAsync(anonymous, method, url, formPageUrl: "/login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/login", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/login")]
    [InlineData("/account/password")]
    [InlineData("/signup")]
    [InlineData("/users?handler=Delete")]
    [InlineData("/logout")]
    public async Task A_post_without_its_antiforgery_token_is_refused_with_400(string url)
    {
        var admin = await factory.LoginAsAdminAsync();
        await factory.EnsureUserAsync("csrf-target", "Csrf-Passw0rd!", Roles.Viewer);
        var target = await factory.Services.GetRequiredService<UserStore>().FindByUsernameAsync("csrf-target");

        var response = await admin.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = target!.Id.ToString(),
            ["username"] = "csrf-made",
            ["password"] = "Csrf-Passw0rd!",
            ["role"] = Roles.Admin,
            ["currentPassword"] = HosVesselFactory.AdminPassword,
            ["newPassword"] = "Changed-Passw0rd!",
            ["confirmPassword"] = "Changed-Passw0rd!",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("페이지를 새로 고친 뒤 다시 시도해 주세요.", await response.Content.ReadAsStringAsync());
        var users = factory.Services.GetRequiredService<UserStore>();
        Assert.NotNull(await users.FindByUsernameAsync("csrf-target"));
        Assert.Null(await users.FindByUsernameAsync("csrf-made"));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/users")).StatusCode);
    }

    [Theory]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/login")]
    [InlineData("http:evil.example")]
    [InlineData("\\\\evil.example")]
    public async Task A_return_url_to_another_site_is_not_followed_after_login(string returnUrl)
    {
        var client = factory.CreateBrowserClient();

        var response = await client.PostFormAsync("/login", new()
        {
            ["username"] = HosVesselFactory.AdminUsername,
            ["password"] = HosVesselFactory.AdminPassword,
            ["returnUrl"] = returnUrl,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_local_return_url_is_followed_after_login()
    {
        var client = factory.CreateBrowserClient();

        var response = await client.PostFormAsync("/login", new()
        {
            ["username"] = HosVesselFactory.AdminUsername,
            ["password"] = HosVesselFactory.AdminPassword,
            ["returnUrl"] = "/users?x=1",
        });

        Assert.Equal("/users?x=1", response.Headers.Location!.OriginalString);
    }

    private async Task<HttpResponseMessage> GetWithCookieAsync(string url, string cookie)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookie);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url, string formPageUrl) =>
        method == "GET"
            ? await client.GetAsync(url)
            : await client.PostFormAsync(url, new()
            {
                ["id"] = "1",
                ["username"] = "made-by-abuse",
                ["password"] = "Abuse-Passw0rd!",
                ["role"] = Roles.Viewer,
            }, formPageUrl);
}
