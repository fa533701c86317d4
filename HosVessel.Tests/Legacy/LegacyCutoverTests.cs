using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Pages;

namespace HosVessel.Tests.Legacy;

public sealed class LegacyCutoverTests(OldFleetFactory factory) : IClassFixture<OldFleetFactory>
{
    public static TheoryData<int> OldUsers => [0, 1, 2, 3];

    [Theory]
    [MemberData(nameof(OldUsers))]
    public async Task Every_old_user_logs_in_with_the_old_password_and_is_moved_to_the_new_hash(int index)
    {
        var (_, username, password, _, oldHash) = LegacyFleet.Users[index];
        var wrong = await factory.CreateBrowserClient().PostFormAsync("/login", new() { ["username"] = username, ["password"] = password + "!" });
        Assert.Contains(LoginModel.FailureMessage, WebUtility.HtmlDecode(await wrong.Content.ReadAsStringAsync()));
        Assert.Equal(oldHash, factory.Query<string>($"SELECT password_hash FROM users WHERE username = '{username}'"));

        var first = await factory.LoginAsync(username, password);
        Assert.Contains("로그아웃", WebUtility.HtmlDecode(await first.GetStringAsync("/")));
        var newHash = factory.Query<string>($"SELECT password_hash FROM users WHERE username = '{username}'");
        Assert.StartsWith("AQAAAA", newHash);

        await factory.LoginAsync(username, password);
        Assert.Equal(newHash, factory.Query<string>($"SELECT password_hash FROM users WHERE username = '{username}'"));
    }

    [Fact]
    public async Task The_old_users_replace_the_configured_admin_and_keep_their_roles()
    {
        var response = await factory.CreateBrowserClient().PostFormAsync(
            "/login", new() { ["username"] = HosVesselFactory.AdminUsername, ["password"] = HosVesselFactory.AdminPassword });
        Assert.Contains(LoginModel.FailureMessage, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal("admin,admin,viewer,viewer", factory.Query<string>("SELECT group_concat(role, ',') FROM (SELECT role FROM users ORDER BY role)"));
    }

    [Fact]
    public void The_summary_is_logged_and_the_import_is_recorded()
    {
        Assert.Equal(4, factory.Query<long>("SELECT count(*) FROM vessels"));
        var logs = factory.Logs.Text;
        Assert.Contains("HOSVESSEL-LEGACY-IMPORT\nImported " + factory.LegacyPath, logs.ReplaceLineEndings("\n"));
        Assert.Contains("users 4/4, vessels 4/4 (1 without detail), details 3/3, voyages 4/4 (3 linked to a vessel)", logs);
        Assert.Contains("vessel #21: IMO 9123451: wrong check digit", logs);
        Assert.StartsWith(DateTime.UtcNow.ToString("yyyy-MM-dd"), factory.Query<string>("SELECT value FROM app_meta WHERE key = 'legacy.imported_at'"));
    }

    [Fact]
    public void The_running_app_leaves_the_old_file_untouched()
    {
        _ = factory.Server;
        Assert.Equal(factory.LegacySha256, LegacyFleet.Sha256(factory.LegacyPath));
        Assert.Equal([factory.LegacyPath], Directory.GetFiles(factory.Folder, "vessel.db*"));
    }
}
