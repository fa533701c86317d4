using Dapper;
using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Backups;
using HosVessel.Web.Cli;
using HosVessel.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HosVessel.Tests.Backups;

public sealed class BackupTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    private static readonly TimeZoneInfo Korea = TimeZoneInfo.FindSystemTimeZoneById("Asia/Seoul");

    [Fact]
    public async Task Backup_command_prints_the_path_of_a_copy_that_opens_and_holds_the_same_rows()
    {
        _ = factory.Server;
        var marker = Guid.NewGuid().ToString();
        await using (var live = await factory.Services.GetRequiredService<Database>().OpenWritableAsync())
        {
            await live.ExecuteAsync("INSERT INTO app_meta (key, value) VALUES (@marker, 'before backup')", new { marker });
        }
        using var target = new TempDataDirectory();
        var output = new StringWriter();

        var exitCode = await BackupCommand.RunAsync(factory.Services, target.Path, output, CancellationToken.None);

        Assert.Equal(0, exitCode);
        var path = output.ToString().Trim();
        Assert.Equal(target.Path, Path.GetDirectoryName(path));
        Assert.Matches(@"^hosvessel-\d{8}-\d{6}\.db$", Path.GetFileName(path));
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(target.Path).Select(Path.GetFileName));
        await using var copy = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync();
        Assert.Equal("ok", await copy.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
        Assert.Equal(SchemaMigrator.LatestVersion, await copy.ExecuteScalarAsync<int>("PRAGMA user_version"));
        Assert.Equal("before backup", await copy.ExecuteScalarAsync<string>("SELECT value FROM app_meta WHERE key = @marker", new { marker }));
        Assert.Contains(HosVesselFactory.AdminUsername, await copy.QueryAsync<string>("SELECT username FROM users"));
    }

    [Fact]
    public async Task Backups_taken_while_the_feed_pushes_each_hold_one_complete_push()
    {
        var client = factory.CreateClient();
        int[] sizes = [100, 150];
        var pushing = Task.Run(async () =>
        {
            for (var round = 0; round < 12; round++)
            {
                var content = new ByteArrayContent(Faults.Fleet.Push("BACKUP", sizes[round % 2], round.ToString("D4")));
                content.Headers.ContentType = new("application/json");
                using var request = new HttpRequestMessage(HttpMethod.Post, "/api/voyage") { Content = content };
                request.Headers.Add("X-API-Key", HosVesselFactory.ApiKey);
                using var response = await client.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        });
        var writer = factory.Services.GetRequiredService<BackupWriter>();
        var folders = new List<TempDataDirectory>();
        try
        {
            while (!pushing.IsCompleted || folders.Count == 0)
            {
                var folder = new TempDataDirectory();
                folders.Add(folder);
                var path = await writer.WriteAsync(folder.Path);
                await using var copy = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
                await copy.OpenAsync();
                var voyages = (await copy.QueryAsync<(string Name, string VoyNo)>(
                    "SELECT vessel_name, voy_no FROM voyages WHERE vessel_name LIKE 'BACKUP %'")).ToList();
                Assert.True(voyages.Count == 0 || (sizes.Contains(voyages.Count) && voyages.Select(v => v.VoyNo).Distinct().Count() == 1),
                    $"backup {folders.Count} holds {voyages.Count} voyages from pushes {string.Join(", ", voyages.Select(v => v.VoyNo).Distinct())}");
            }
            await pushing;
        }
        finally
        {
            folders.ForEach(folder => folder.Dispose());
        }
    }

    [Fact]
    public async Task Backup_without_a_folder_goes_into_backups_next_to_the_database()
    {
        _ = factory.Server;
        var output = new StringWriter();

        Assert.Equal(0, await BackupCommand.RunAsync(factory.Services, null, output, CancellationToken.None));

        var path = output.ToString().Trim();
        Assert.Equal(Path.Combine(factory.DataDirectory, "backups"), Path.GetDirectoryName(path));
        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task Backup_into_a_folder_that_is_a_file_fails_with_a_readable_message()
    {
        _ = factory.Server;
        using var target = new TempDataDirectory();
        var notAFolder = Path.Combine(target.Path, "occupied");
        await File.WriteAllTextAsync(notAFolder, "x");

        var failure = await Assert.ThrowsAsync<CommandException>(() =>
            BackupCommand.RunAsync(factory.Services, notAFolder, new StringWriter(), CancellationToken.None));

        Assert.StartsWith("backup failed:", failure.Message);
    }

    [Fact]
    public void Backup_file_name_is_the_korean_wall_clock_time()
    {
        var writer = factory.Services.GetRequiredService<BackupWriter>();
        Assert.Equal("hosvessel-20261128-030000.db", writer.FileNameFor(new DateTimeOffset(2026, 11, 27, 18, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Pruning_keeps_the_newest_fourteen_backups_and_leaves_other_files_alone()
    {
        using var folder = new TempDataDirectory();
        var start = new DateTime(2026, 10, 1, 3, 0, 0);
        var names = Enumerable.Range(0, 20).Select(day => $"hosvessel-{start.AddDays(day):yyyyMMdd-HHmmss}.db").ToList();
        foreach (var name in names.AsEnumerable().Reverse())
        {
            File.WriteAllText(Path.Combine(folder.Path, name), name);
        }
        File.WriteAllText(Path.Combine(folder.Path, "notes.txt"), "keep me");

        var deleted = BackupWriter.Prune(folder.Path, keep: 14);

        Assert.Equal(names.Take(6), deleted.Select(Path.GetFileName));
        Assert.Equal(names.Skip(6).Append("notes.txt").Order(StringComparer.Ordinal),
            Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("2026-11-27T01:00:00Z", "2026-11-27T18:00:00Z")] // 10:00 KST: tonight, 03:00 KST on the 28th
    [InlineData("2026-11-27T17:59:59Z", "2026-11-27T18:00:00Z")] // 02:59:59 KST
    [InlineData("2026-11-27T18:00:00Z", "2026-11-28T18:00:00Z")] // exactly 03:00 KST: the next night
    [InlineData("2026-12-31T20:00:00Z", "2027-01-01T18:00:00Z")] // 05:00 KST on New Year's Day
    public void Next_backup_is_the_next_three_oclock_in_seoul(string now, string expected)
    {
        var schedule = BackupSchedule.From(new BackupOptions());

        var next = schedule.NextAfter(DateTimeOffset.Parse(now));

        Assert.Equal(DateTimeOffset.Parse(expected), next);
        Assert.Equal(new TimeOnly(3, 0), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(next, Korea).DateTime));
    }

    [Fact]
    public async Task Nightly_service_backs_up_at_three_each_night_and_keeps_the_configured_number()
    {
        _ = factory.Server;
        using var folder = new TempDataDirectory();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.Zero)); // 19:00 KST
        var options = Options.Create(new BackupOptions { Keep = 2, Directory = folder.Path });
        var writer = new BackupWriter(factory.Services.GetRequiredService<Database>(), options, clock);
        var logger = new FakeLogger<NightlyBackupService>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var logs = logger.Collector.GetLogsAsync(timeout.Token).GetAsyncEnumerator(timeout.Token);
        using var service = new NightlyBackupService(writer, options, clock, logger);

        // The service's own messages say when it is waiting and when it wrote, so the test waits on them, not a clock.
        async Task<string> NextAsync(string prefix)
        {
            while (await logs.MoveNextAsync())
            {
                var message = logs.Current.Message + (logs.Current.Exception is { } e ? " " + e.Message : "");
                if (message.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return message;
                }
                Assert.False(message.StartsWith("Nightly backup failed", StringComparison.Ordinal), message);
            }
            throw new InvalidOperationException("the log ended");
        }

        await service.StartAsync(CancellationToken.None);
        var written = new List<string>();
        for (var night = 0; night < 3; night++)
        {
            await NextAsync("Next nightly backup at");
            clock.Advance(night == 0 ? TimeSpan.FromHours(8) : TimeSpan.FromDays(1));
            written.Add(await NextAsync("Nightly backup written"));
        }
        await service.StopAsync(CancellationToken.None);

        Assert.Contains("hosvessel-20261128-030000.db", written[0]);
        Assert.Contains("removed 1 old backups", written[2]);
        Assert.Equal(["hosvessel-20261129-030000.db", "hosvessel-20261130-030000.db"],
            Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
