using HosVessel.Tests.Infrastructure;
using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;

namespace HosVessel.Tests.Legacy;

/// <summary>Runs <c>dotnet HosVessel.Web.dll import-legacy</c> as a process, as an operator would.</summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class ImportLegacyCommandTests : IDisposable
{
    private readonly ImportTarget target = new();

    public void Dispose() => target.Dispose();

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = target.DataPath,
            Environment =
            {
                ["ConnectionStrings__vessels"] = $"Data Source={target.Database.FilePath}",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HosVessel.Web.dll"));
        start.ArgumentList.Add("import-legacy");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }

    private long CountRows()
    {
        using var connection = new SqliteConnection($"Data Source={target.Database.FilePath};Pooling=False");
        return connection.QuerySingle<long>(
            "SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM vessels) + (SELECT count(*) FROM voyages) + (SELECT count(*) FROM app_meta)");
    }

    [Fact]
    public async Task Dry_run_prints_the_summary_and_changes_nothing_then_the_real_run_imports_once()
    {
        LegacyFleet.Create(target.LegacyPath);

        var dryRun = await RunAsync("vessel.db", "--dry-run");
        Assert.Equal(0, dryRun.ExitCode);
        Assert.Contains($"Dry run (nothing written) of the import of {target.LegacyPath}", dryRun.Output);
        Assert.Contains("vessel #21: IMO 9123451: wrong check digit", dryRun.Output);
        Assert.Equal(0, CountRows());

        var real = await RunAsync(target.LegacyPath);
        Assert.Equal(0, real.ExitCode);
        Assert.Contains("users 4/4, vessels 4/4", real.Output);
        Assert.Equal(4 + 4 + 4 + 3, CountRows());

        var again = await RunAsync(target.LegacyPath);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("import-legacy: The database is not empty: the old app's data was already imported at", again.Error);
    }

    [Fact]
    public async Task A_bad_file_or_missing_argument_fails_with_a_message()
    {
        await File.WriteAllTextAsync(target.LegacyPath, "hello");
        var bad = await RunAsync(target.LegacyPath);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains($"import-legacy: {target.LegacyPath} is not a SQLite database", bad.Error);

        var usage = await RunAsync("--dry-run");
        Assert.Equal(1, usage.ExitCode);
        Assert.Contains("usage: import-legacy <path-to-vessel.db> [--dry-run] [--replace [--force]]", usage.Error);
        Assert.Equal(0, CountRows());
    }

    [Fact]
    public async Task Replace_takes_over_a_database_holding_only_the_used_first_admin_and_backs_it_up_beside_it()
    {
        LegacyFleet.Create(target.LegacyPath);
        AddUsedFirstAdmin();

        var refused = await RunAsync(target.LegacyPath);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("its user 'admin' has already been used", refused.Error);
        Assert.Contains("run import-legacy --replace <vessel.db>", refused.Error);

        var replaced = await RunAsync(target.LegacyPath, "--replace");
        Assert.True(replaced.ExitCode == 0, replaced.Error);
        Assert.StartsWith("HOSVESSEL-LEGACY-IMPORT", replaced.Output);
        Assert.Contains("users 4/4, vessels 4/4", replaced.Output);
        Assert.Contains("Replaced the database, which held 1 user(s), 0 vessel(s), 0 voyage(s) (backup: " + target.DataPath, replaced.Output);
        var backup = Assert.Single(Directory.GetFiles(target.DataPath, "hosvessel-*.db"));
        using (var old = new SqliteConnection($"Data Source={backup};Pooling=False;Mode=ReadOnly"))
        {
            Assert.Equal("admin", old.QuerySingle<string>("SELECT username FROM users"));
        }
        using var connection = target.Open();
        Assert.Equal(0, connection.QuerySingle<long>("SELECT count(*) FROM user_sessions"));
        Assert.Equal("admin,captain_kim,ops_park,viewer_lee", connection.QuerySingle<string>("SELECT group_concat(username, ',') FROM (SELECT username FROM users ORDER BY username)"));
    }

    [Fact]
    public async Task Replace_refuses_a_database_with_its_own_data_unless_forced()
    {
        LegacyFleet.Create(target.LegacyPath);
        Assert.Equal(0, (await RunAsync(target.LegacyPath)).ExitCode);

        var refused = await RunAsync(target.LegacyPath, "--replace");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("it holds 4 user(s), 4 vessel(s), 4 voyage(s) and an earlier import of the old app's data", refused.Error);
        Assert.Contains("add --force", refused.Error);
        Assert.Empty(Directory.GetFiles(target.DataPath, "hosvessel-*.db"));

        var forced = await RunAsync(target.LegacyPath, "--replace", "--force");
        Assert.True(forced.ExitCode == 0, forced.Error);
        Assert.Contains("users 4/4, vessels 4/4", forced.Output);
        Assert.Single(Directory.GetFiles(target.DataPath, "hosvessel-*.db"));
        Assert.Equal(4 + 4 + 4 + 3, CountRows());

        var forceAlone = await RunAsync(target.LegacyPath, "--force");
        Assert.Equal(1, forceAlone.ExitCode);
        Assert.Contains("--force only goes with --replace", forceAlone.Error);
    }

    private void AddUsedFirstAdmin()
    {
        using var connection = target.Open();
        connection.Execute("""
            INSERT INTO users (id, username, password_hash, role, security_stamp, created_at) VALUES (1, 'admin', 'x', 'admin', 's', '2026-11-29');
            INSERT INTO user_sessions (id, user_id, created_at, expires_at) VALUES ('session-1', 1, '2026-11-29', '2026-12-29');
            """);
    }
}
