using HosVessel.Tests.Infrastructure;

namespace HosVessel.Tests.Legacy;

public sealed class LegacyRestartTests : IDisposable
{
    private readonly TempDataDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task The_automatic_import_runs_once_even_if_the_data_is_later_deleted()
    {
        LegacyFleet.Create(Path.Combine(data.Path, "vessel.db"));
        string importedAt;
        await using (var first = new LegacyAppFactory(data.Path))
        {
            Assert.Equal(4, first.Query<long>("SELECT count(*) FROM vessels"));
            importedAt = first.Query<string>("SELECT value FROM app_meta WHERE key = 'legacy.imported_at'");
            first.Execute("DELETE FROM user_sessions; DELETE FROM users; DELETE FROM vessels; DELETE FROM voyages;");
        }

        await using var second = new LegacyAppFactory(data.Path);
        Assert.Equal(0, second.Query<long>("SELECT count(*) FROM vessels"));
        Assert.Equal(importedAt, second.Query<string>("SELECT value FROM app_meta WHERE key = 'legacy.imported_at'"));
        Assert.DoesNotContain("importing it", second.Logs.Text);
        await second.LoginAsAdminAsync();
    }

    [Fact]
    public async Task A_garbled_old_hash_is_flagged_at_import_and_fails_login_cleanly()
    {
        LegacyFleet.Create(Path.Combine(data.Path, "vessel.db"), LegacyFleet.Rows + "INSERT INTO user VALUES (12, 'broken', 'scrypt:1:1$x', 'viewer');");
        await using var app = new LegacyAppFactory(data.Path);

        var response = await app.CreateBrowserClient().PostFormAsync("/login", new() { ["username"] = "broken", ["password"] = "x" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(Web.Pages.LoginModel.FailureMessage, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Contains("user #12: 'broken' has a password hash in an unknown format; an admin must set a new password", app.Logs.Text);
        Assert.Contains("User broken has a password hash in an unknown format; login refused", app.Logs.Text);
    }

    [Theory]
    [InlineData("not a database at all", "is not a SQLite database")]
    [InlineData("", "is empty (0 bytes)")]
    public async Task A_bad_legacy_file_is_logged_and_the_app_starts_empty(string content, string message)
    {
        File.WriteAllText(Path.Combine(data.Path, "vessel.db"), content);
        await using var app = new LegacyAppFactory(data.Path);

        var health = await app.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains($"Error: HOSVESSEL-LEGACY-IMPORT Could not import the old app's database: {app.LegacyPath} {message}", app.Logs.Text);
        Assert.Equal(0, app.Query<long>("SELECT count(*) FROM vessels"));
        await app.LoginAsAdminAsync();
    }

    [Fact]
    public async Task A_wrong_schema_is_logged_and_the_app_starts_empty()
    {
        LegacyFleet.Create(Path.Combine(data.Path, "vessel.db"), rows: "", schema: LegacyFleet.Schema.Replace("CREATE TABLE voyage_info", "CREATE TABLE voyages"));
        await using var app = new LegacyAppFactory(data.Path);

        await app.LoginAsAdminAsync();
        Assert.Contains("is not the old Flask app's database: it has no 'voyage_info' table", app.Logs.Text);
    }
}
