using HosVessel.Tests.Infrastructure;
using System.Text.RegularExpressions;

namespace HosVessel.Tests.Deployment;

/// <summary>
/// <c>caddy-route.sh</c> against a Caddy like the mini PC's: configured only through its admin API,
/// with a catch-all route already in the HTTPS server.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
[Collection(DeploymentCollection.Name)]
public sealed partial class CaddyRouteScriptTests(ProxyFixture fixture) : IDisposable
{
    private const string ServerName = "existing";
    private readonly CaddyProcess caddy = new();

    [Fact]
    public async Task Script_run_twice_puts_one_route_in_front_of_the_catch_all_and_it_serves_the_app()
    {
        await caddy.StartAsync(AdminOnlyConfig(), "json");

        var first = await RunScriptAsync();
        var second = await RunScriptAsync();

        Assert.True(first.ExitCode == 0, first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Contains($"Added route 'hosvessel' first in server '{ServerName}'", first.Output);
        Assert.Contains("Updated the existing route 'hosvessel'", second.Output);

        await caddy.WaitForHttpsAsync();
        using var client = caddy.CreateHttpsClient();
        using var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());

        using var admin = new HttpClient();
        var routes = await admin.GetStringAsync($"{caddy.AdminUrl}/config/apps/http/servers/{ServerName}/routes");
        Assert.Single(RouteId().Matches(routes));
        Assert.Equal(2, RouteCount().Matches(routes).Count);
    }

    private async Task<(int ExitCode, string Output)> RunScriptAsync() =>
        await ChildProcess.RunAsync("bash", [GeneratedFiles.PathOf("caddy-route.sh")], new Dictionary<string, string>
        {
            ["CADDY_ADMIN"] = caddy.AdminUrl,
            ["CADDY_HTTPS_PORT"] = caddy.HttpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["HOS_DOMAIN"] = CaddyProcess.Hostname,
            ["HOS_UPSTREAM"] = $"127.0.0.1:{fixture.Web.Port}",
        }, timeout: TimeSpan.FromSeconds(30));

    private string AdminOnlyConfig() => $$"""
        {
          "admin": { "listen": "127.0.0.1:{{caddy.AdminPort}}" },
          "storage": { "module": "file_system", "root": "{{caddy.StorageDirectory}}" },
          "apps": {
            "pki": { "certificate_authorities": { "local": { "install_trust": false } } },
            "http": {
              "http_port": {{caddy.HttpPort}},
              "https_port": {{caddy.HttpsPort}},
              "servers": {
                "{{ServerName}}": {
                  "listen": ["127.0.0.1:{{caddy.HttpsPort}}"],
                  "automatic_https": { "disable_redirects": true },
                  "routes": [ { "handle": [ { "handler": "static_response", "status_code": 404, "body": "catch-all" } ] } ]
                }
              }
            }
          }
        }
        """;

    [GeneratedRegex("\"@id\":\"hosvessel\"")]
    private static partial Regex RouteId();

    // Each top-level route of this server has exactly one "handle" list; nested subroute routes are counted separately below.
    [GeneratedRegex("(?<=^\\[|\\},)\\{\"(@id|handle)\"")]
    private static partial Regex RouteCount();

    public void Dispose() => caddy.Dispose();
}
