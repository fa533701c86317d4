using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Data;
using Microsoft.Data.Sqlite;

namespace HosVessel.Tests.Foundation;

public sealed class WebAppTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    [Fact]
    public async Task Health_and_alive_answer_only_their_status_word()
    {
        var client = factory.CreateClient();
        foreach (var path in new[] { "/health", "/alive" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Home_page_shows_the_product_name_and_a_login_prompt()
    {
        var html = await factory.CreateClient().GetStringAsync("/");
        Assert.Contains("HOS 선박관리", html);
        Assert.Contains("로그인", html);
        Assert.Contains("lang=\"ko\"", html);
    }

    [Fact]
    public void Database_is_migrated_to_the_latest_schema_in_wal_mode()
    {
        _ = factory.Server;
        using var connection = new SqliteConnection($"Data Source={factory.DatabasePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        Assert.Equal(SchemaMigrator.LatestVersion, Convert.ToInt32(command.ExecuteScalar()));
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task Admin_from_configuration_can_log_in_and_out()
    {
        var client = await factory.LoginAsAdminAsync();
        var home = await client.GetStringAsync("/");
        Assert.Contains("action=\"/logout\"", home);

        var logout = await client.PostFormAsync("/logout", [], formPageUrl: "/");
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.DoesNotContain("action=\"/logout\"", await client.GetStringAsync("/"));
    }
}
