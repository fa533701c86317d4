using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Accounts;
using HosVessel.Web.Http;

namespace HosVessel.Tests.Accounts;

public sealed class SecurityHeadersTests(AccountsFactory factory) : IClassFixture<AccountsFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/login")]
    [InlineData("/css/site.css")]
    [InlineData("/no-such-page")]
    [InlineData(AccountsFactory.ThrowingPath)]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeadersOptions.DefaultContentSecurityPolicy, csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/vessel/list")]
    [InlineData("/vessel/list?handler=csv")]
    [InlineData("/vessel/import")]
    [InlineData("/voyage")]
    [InlineData("/users")]
    [InlineData("/account/password")]
    [InlineData("/api/vessels")]
    public async Task Register_and_account_data_is_never_stored_in_a_cache(string url)
    {
        var client = await factory.LoginAsAdminAsync();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{url}: Cache-Control is '{response.Headers.CacheControl}'");
    }

    [Fact]
    public async Task Keyed_api_answers_and_refusals_are_not_stored_either()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", HosVesselFactory.ApiKey);

        var keyed = await client.GetAsync("/api/voyages");
        var refused = await factory.CreateClient().GetAsync("/api/vessels");

        Assert.True(keyed.Headers.CacheControl?.NoStore);
        Assert.True(refused.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Static_files_stay_cacheable_for_a_signed_in_user()
    {
        var client = await factory.LoginAsAdminAsync();

        var css = await client.GetAsync("/css/site.css");

        Assert.NotEqual(true, css.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Only_the_API_reference_page_may_run_inline_script()
    {
        var client = await factory.LoginAsAdminAsync();

        var scalar = await client.GetAsync("/scalar/");
        Assert.Equal(HttpStatusCode.OK, scalar.StatusCode);
        var home = await client.GetAsync("/");

        Assert.Contains("script-src 'self' 'unsafe-inline'", scalar.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", scalar.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal(SecurityHeadersOptions.DefaultContentSecurityPolicy, home.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Over_https_the_session_antiforgery_and_tempdata_cookies_are_secure_httponly_and_lax()
    {
        var cookies = await CollectCookiesAsync(factory.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false }));

        Assert.Equal(4, cookies.Count);
        foreach (var (name, attributes) in cookies)
        {
            Assert.True(attributes.Contains("secure"), $"{name} is not Secure over https: {attributes}");
            Assert.True(attributes.Contains("httponly"), $"{name} is not HttpOnly: {attributes}");
            Assert.True(attributes.Contains("samesite=lax"), $"{name} is not SameSite=Lax: {attributes}");
        }
    }

    [Fact]
    public async Task Over_plain_http_the_cookies_are_not_marked_secure_so_they_still_work()
    {
        var cookies = await CollectCookiesAsync(factory.CreateClient(new() { AllowAutoRedirect = false }));

        Assert.Equal(4, cookies.Count);
        foreach (var (name, attributes) in cookies)
        {
            Assert.False(attributes.Contains("secure"), $"{name} is Secure over http: {attributes}");
            Assert.True(attributes.Contains("httponly"), $"{name} is not HttpOnly: {attributes}");
            Assert.True(attributes.Contains("samesite=lax"), $"{name} is not SameSite=Lax: {attributes}");
        }
    }

    // Antiforgery from the login form, the session and the device cookie from logging in, TempData from the logout flash message.
    private static async Task<Dictionary<string, string>> CollectCookiesAsync(HttpClient client)
    {
        var cookies = new Dictionary<string, string>();
        void Collect(HttpResponseMessage response)
        {
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                foreach (var value in values)
                {
                    var name = value.Split('=')[0];
                    if (!value.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                    {
                        cookies[name] = string.Join(";", value.Split(';').Skip(1).Select(part => part.Trim().ToLowerInvariant()));
                    }
                }
            }
        }
        var loginPage = await client.GetAsync("/login");
        Collect(loginPage);
        var login = await client.PostFormAsync("/login", new() { ["username"] = HosVesselFactory.AdminUsername, ["password"] = HosVesselFactory.AdminPassword });
        Collect(login);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Collect(await client.PostFormAsync("/logout", [], formPageUrl: "/"));
        Assert.Contains("hosvessel.auth", cookies.Keys);
        Assert.Contains(HosVessel.Web.Accounts.LoginDevices.CookieName, cookies.Keys);
        Assert.Contains(cookies.Keys, name => name.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains(cookies.Keys, name => name.Contains("TempData", StringComparison.Ordinal));
        return cookies;
    }
}
