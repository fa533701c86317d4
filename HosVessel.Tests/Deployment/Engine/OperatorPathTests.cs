using HosVessel.Tests.Infrastructure;
using HosVessel.Tests.Legacy;
using HosVessel.Tests.Voyages;

namespace HosVessel.Tests.Deployment.Engine;

/// <summary>
/// DEPLOY.md's switch day in a real Docker engine: the image built through the generated compose file, the old
/// <c>vessel.db</c> taken over, users logging in through Caddy, n8n's push stored, and nothing lost across
/// restart and down/up. The commands are DEPLOY.md's, run from the folders it names.
/// </summary>
[Collection(EngineCollection.Name)]
[Trait(TestCategory.Name, TestCategory.Slow)]
[TestCaseOrderer(AlphabeticalOrderer.TypeName, AlphabeticalOrderer.AssemblyName)]
public sealed class OperatorPathTests(EngineFixture engine)
{
    private static readonly (long Id, string Username, string Password, string Role, string Hash) OldAdmin = LegacyFleet.Users[0];

    [Fact]
    public async Task Switch_day_imports_the_old_database_and_restart_and_down_up_keep_logins_and_pushes()
    {
        await using var clone = await OperatorClone.CreateAsync(engine, "switch-day");
        var oldApp = OldAppFolder(clone);

        // Steps 2 and 3: the data folder with the old file, owned by the container user; .env.
        var owner = await clone.RunOkAsync("""
            OLD=../old-app
            mkdir -p data/backups && sudo cp "$OLD/data/vessel.db" data/ && sudo chown -R 1654:1654 data
            stat -c '%u:%g %n' data data/vessel.db data/backups
            """, folder: ".");
        Assert.Contains("1654:1654 data/vessel.db", owner);
        await clone.WriteEnvAsync();

        // Step 4: first start imports the old database; the summary sits under its marker.
        await clone.RunOkAsync("docker compose up -d --build", timeout: TimeSpan.FromMinutes(6));
        await clone.WaitUntilHealthyAsync(TimeSpan.FromSeconds(120));
        Assert.Matches(@"Up.*\(healthy\)", await clone.RunOkAsync("docker compose ps"));
        var summary = await clone.RunOkAsync("docker compose logs web | grep -A12 HOSVESSEL-LEGACY-IMPORT");
        Assert.Contains("Imported /app/data/vessel.db", summary);
        Assert.Contains("users 4/4, vessels 4/4", summary);
        Assert.Equal(oldApp.Sha256, LegacyFleet.Sha256(Path.Combine(clone.DataFolder, "vessel.db")));

        // Step 5: the durable Caddy path, the generated block imported with the name and the upstream.
        using var caddy = new CaddyProcess();
        await caddy.StartAsync(caddy.GlobalOptions +
            $"import {clone.Folder}/aspire-manifest/Caddyfile {CaddyProcess.Hostname} 127.0.0.1:{clone.Port}\n", "caddyfile");
        await caddy.WaitForHttpsAsync();

        await AssertOldAdminLogsInAsync(caddy);
        using (var n8n = caddy.CreateHttpsClient())
        {
            var push = await n8n.PushAsync(VoyageFeedClient.ExampleBody, OperatorClone.VoyageApiKey);
            Assert.True(push.IsSuccessStatusCode, await push.Content.ReadAsStringAsync());
        }
        await AssertVoyageShownAsync(caddy);

        // Step 7: restart and down/up keep users, the register and the pushed voyage.
        await clone.RunOkAsync("docker compose restart web");
        await clone.WaitUntilServingAsync(TimeSpan.FromSeconds(60));
        await AssertOldAdminLogsInAsync(caddy);
        await AssertVoyageShownAsync(caddy);

        await clone.RunOkAsync("docker compose down && docker compose up -d");
        await clone.WaitUntilServingAsync(TimeSpan.FromSeconds(60));
        await AssertOldAdminLogsInAsync(caddy);
        await AssertVoyageShownAsync(caddy);
        var restarted = await clone.RunOkAsync("docker compose logs web");
        Assert.DoesNotContain("Not importing", restarted);

        // Step 7: a manual backup lands in HOS_BACKUP_DIR on the host; an update rebuilds and prunes.
        var backup = await clone.RunOkAsync("docker compose exec -T web dotnet HosVessel.Web.dll backup");
        Assert.Contains("/app/backups/hosvessel-", backup);
        Assert.Single(Directory.GetFiles(Path.Combine(clone.DataFolder, "backups"), "hosvessel-*.db"));
        await clone.RunOkAsync("docker compose up -d --build", timeout: TimeSpan.FromMinutes(3));
        await clone.KeepBuildCacheAsync();
        Assert.Contains("Total reclaimed space", await clone.RunOkAsync("docker image prune -f"));
        await clone.WaitUntilServingAsync(TimeSpan.FromSeconds(60));

        // Step 7: restore that backup (stop, set the current file aside, copy, start) from the same folder.
        await clone.RunOkAsync("""
            docker compose stop web
            sudo mkdir -p ../data/before-restore && sudo mv ../data/hosvessel.db* ../data/before-restore/
            sudo cp "$(ls ../data/backups/hosvessel-*.db | tail -n 1)" ../data/hosvessel.db && sudo chown 1654:1654 ../data/hosvessel.db
            docker compose start web
            """);
        await clone.WaitUntilServingAsync(TimeSpan.FromSeconds(60));
        await AssertOldAdminLogsInAsync(caddy);
        await AssertVoyageShownAsync(caddy);
    }

    [Fact]
    public async Task Root_owned_data_folder_stops_the_app_with_the_one_line_fix_and_no_stack_trace()
    {
        await using var clone = await OperatorClone.CreateAsync(engine, "root-owned-data");
        await clone.RunOkAsync("mkdir -p data", folder: ".");
        await clone.WriteEnvAsync();

        await clone.RunOkAsync("docker compose up -d --build", timeout: TimeSpan.FromMinutes(6));

        var logs = "";
        for (var attempt = 0; attempt < 60 && !logs.Contains("HosVessel cannot start", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(1000);
            logs = await clone.RunOkAsync("docker compose logs web");
        }
        Assert.Contains("HosVessel cannot start: The data folder '/app/data' is not writable", logs);
        Assert.Contains("sudo chown 1654:1654", logs);
        Assert.DoesNotContain("   at ", logs);
        Assert.DoesNotContain("Exception", logs);
    }

    [Fact]
    public async Task Import_legacy_replace_takes_over_a_database_the_app_made_before_the_old_file_was_there()
    {
        await using var clone = await OperatorClone.CreateAsync(engine, "import-legacy-replace");
        OldAppFolder(clone);
        await clone.RunOkAsync("mkdir -p data/backups && sudo chown -R 1654:1654 data", folder: ".");
        const string FirstAdminPassword = "Engine-First-Admin-2026!";
        await clone.WriteEnvAsync(("ADMIN_PASSWORD", FirstAdminPassword));

        // The mistake: started without the old file, and the first admin has logged in since.
        await clone.RunOkAsync("docker compose up -d --build", timeout: TimeSpan.FromMinutes(6));
        await clone.WaitUntilServingAsync(TimeSpan.FromSeconds(60));
        using (var direct = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new() })
               { BaseAddress = new Uri($"http://127.0.0.1:{clone.Port}") })
        {
            var login = await direct.PostFormAsync("/login", new() { ["username"] = "admin", ["password"] = FirstAdminPassword });
            Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        }
        await clone.RunOkAsync("""
            OLD=../old-app
            sudo cp "$OLD/data/vessel.db" data/ && sudo chown 1654:1654 data/vessel.db
            """, folder: ".");
        await clone.RunOkAsync("docker compose restart web");
        await clone.WaitUntilServingAsync(TimeSpan.FromSeconds(60));

        // The start-up log refuses under the marker and names the command.
        var refusal = await clone.RunOkAsync("docker compose logs web | grep -A3 HOSVESSEL-LEGACY-IMPORT");
        Assert.Contains("Not importing /app/data/vessel.db: the database is not empty (its user 'admin' has already been used)", refusal);
        Assert.Contains("docker compose run --rm web import-legacy --replace /app/data/vessel.db", refusal);

        var replaced = await clone.RunOkAsync(
            "docker compose stop web && docker compose run --rm web import-legacy --replace /app/data/vessel.db && docker compose start web");
        Assert.Contains("HOSVESSEL-LEGACY-IMPORT", replaced);
        Assert.Contains("Imported /app/data/vessel.db", replaced);
        Assert.Contains("Replaced the database, which held 1 user(s), 0 vessel(s), 0 voyage(s) (backup: /app/data/hosvessel-", replaced);
        Assert.Single(Directory.GetFiles(clone.DataFolder, "hosvessel-*.db"));

        await clone.WaitUntilServingAsync(TimeSpan.FromSeconds(60));
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new() }) { BaseAddress = new Uri($"http://127.0.0.1:{clone.Port}") };
        await client.PostFormAsync("/login", new() { ["username"] = OldAdmin.Username, ["password"] = OldAdmin.Password });
        Assert.Contains("로그아웃", await client.GetStringAsync("/"));
        Assert.Contains("HYUNDAI AMBITION", await client.GetStringAsync("/vessel/list"));
    }

    private static (string Folder, string Sha256) OldAppFolder(OperatorClone clone)
    {
        var folder = Path.Combine(clone.Folder, "..", "old-app", "data");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "vessel.db");
        LegacyFleet.Create(path);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return (folder, LegacyFleet.Sha256(path));
    }

    private static async Task AssertOldAdminLogsInAsync(CaddyProcess caddy)
    {
        var cookies = new CookieContainer();
        using var client = caddy.CreateHttpsClient(cookies);
        var login = await client.PostFormAsync("/login", new() { ["username"] = OldAdmin.Username, ["password"] = OldAdmin.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Contains("; secure", string.Join("\n", login.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("로그아웃", await client.GetStringAsync("/"));
    }

    private static async Task AssertVoyageShownAsync(CaddyProcess caddy)
    {
        var cookies = new CookieContainer();
        using var client = caddy.CreateHttpsClient(cookies);
        await client.PostFormAsync("/login", new() { ["username"] = OldAdmin.Username, ["password"] = OldAdmin.Password });
        var voyages = await client.GetStringAsync("/voyage");
        Assert.Contains("HMM ALGECIRAS", voyages);
        Assert.Contains("HYUNDAI AMBITION", await client.GetStringAsync("/vessel/list"));
    }
}
