using HosVessel.Tests.Faults;
using HosVessel.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace HosVessel.Tests.Backups;

/// <summary>The <c>backup</c> command as an operator runs it: <c>dotnet HosVessel.Web.dll backup</c> next to a running app.</summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class BackupProcessTests
{
    [Fact]
    public async Task Backup_command_next_to_the_running_app_prints_the_file_and_exits_zero()
    {
        using var data = new TempDataDirectory();
        await using var app = await AppProcess.StartAsync(data.Path);

        var (exitCode, output) = await AppProcess.RunCommandAsync(data.Path, "backup");

        Assert.True(exitCode == 0, output);
        var path = output.Trim().Split('\n')[^1].Trim();
        Assert.Equal(Path.Combine(data.Path, "backups"), Path.GetDirectoryName(path));
        await using var copy = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        await using var command = copy.CreateCommand();
        command.CommandText = "SELECT username FROM users";
        Assert.Equal(HosVesselFactory.AdminUsername, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Backup_command_that_cannot_write_exits_non_zero_with_the_reason()
    {
        using var data = new TempDataDirectory();
        var occupied = Path.Combine(data.Path, "occupied");
        await File.WriteAllTextAsync(occupied, "not a folder");

        var (exitCode, output) = await AppProcess.RunCommandAsync(data.Path, "backup", occupied);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("backup: backup failed:", output);
        Assert.DoesNotContain("   at ", output);
    }
}
