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
        Assert.Contains("usage: import-legacy <path-to-vessel.db> [--dry-run]", usage.Error);
        Assert.Equal(0, CountRows());
    }
}
