using HosVessel.Tests.Infrastructure;

namespace HosVessel.Tests.Deployment;

/// <summary>The published app behind the generated Caddyfile, over HTTPS, as users reach it in production.</summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
[Collection(DeploymentCollection.Name)]
public sealed class ProxyTests(ProxyFixture fixture)
{
    private string Origin => $"https://{CaddyProcess.Hostname}:{fixture.Caddy.HttpsPort}";

    [Fact]
    public async Task Health_answers_through_caddy_with_the_security_headers_and_no_server_banner()
    {
        using var client = fixture.Caddy.CreateHttpsClient();
        using var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.False(response.Headers.Contains("Server"), "the Server header should be removed");
    }

    [Fact]
    public async Task Login_through_caddy_sets_a_secure_cookie_and_lands_on_the_home_page()
    {
        var cookies = new CookieContainer();
        using var client = fixture.Caddy.CreateHttpsClient(cookies);

        using var response = await client.PostFormAsync("/login",
            new() { ["username"] = WebProcess.AdminUsername, ["password"] = WebProcess.AdminPassword });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        // SecurePolicy is SameAsRequest: the cookie is Secure only if the app saw the forwarded https.
        var authCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"),
            c => c.StartsWith("hosvessel.auth=", StringComparison.Ordinal));
        Assert.Contains("; secure", authCookie, StringComparison.OrdinalIgnoreCase);

        // The redirect stays on the public https origin (relative, or absolute on that origin).
        var target = new Uri(new Uri(Origin), response.Headers.Location!);
        Assert.Equal(Origin + "/", target.ToString());
        using var home = await client.GetAsync(target);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains(WebProcess.AdminUsername, await home.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Feed_log_shows_the_n8n_address_that_caddy_forwarded_not_caddys_own()
    {
        // Linux answers on all of 127/8: connecting from .77 gives Caddy a client address distinct from its own.
        var n8nAddress = IPAddress.Parse("127.0.0.77");
        using var n8n = fixture.Caddy.CreateHttpsClient(sourceAddress: n8nAddress);
        using var push = new HttpRequestMessage(HttpMethod.Post, "/api/voyage")
        {
            Content = new StringContent("""[{"vessel_name":"PROXY FEED TEST","voy_no":"0001"}]""", System.Text.Encoding.UTF8, "application/json"),
        };
        push.Headers.Add("X-API-Key", WebProcess.ApiKey);
        using var pushed = await n8n.SendAsync(push);
        Assert.Equal(HttpStatusCode.OK, pushed.StatusCode);

        var cookies = new CookieContainer();
        using var admin = fixture.Caddy.CreateHttpsClient(cookies);
        using var login = await admin.PostFormAsync("/login",
            new() { ["username"] = WebProcess.AdminUsername, ["password"] = WebProcess.AdminPassword });
        var feedLog = await admin.GetStringAsync("/voyage/feed");

        Assert.Contains("127.0.0.77", feedLog);
    }
}
