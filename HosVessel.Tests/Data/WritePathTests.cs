using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dapper;
using HosVessel.Tests.Infrastructure;
using HosVessel.Tests.Legacy;
using HosVessel.Tests.Vessels;
using HosVessel.Tests.Voyages;
using HosVessel.Web.Accounts;
using HosVessel.Web.Data;
using HosVessel.Web.Legacy;
using HosVessel.Web.Vessels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Data;

/// <summary>
/// Every write goes through <see cref="Database.WriteAsync{T}"/>, by the store that owns the table: the gate
/// queues writers, so features writing at once never see "database is locked", and nothing else can write.
/// </summary>
public sealed partial class WritePathTests(HosVesselFactory factory) : IClassFixture<HosVesselFactory>
{
    private T Get<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    [Fact]
    public async Task A_connection_from_Open_cannot_write()
    {
        await using var connection = await Get<Database>().OpenAsync();

        var refused = await Assert.ThrowsAsync<SqliteException>(() =>
            connection.ExecuteAsync("INSERT INTO app_meta (key, value) VALUES ('sneaky', 'write')"));

        Assert.Contains("readonly", refused.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Concurrent_writers_from_every_feature_never_meet_a_locked_database()
    {
        using var legacyFolder = new TempDataDirectory();
        var legacyPath = Path.Combine(legacyFolder.Path, "vessel.db");
        LegacyFleet.Create(legacyPath);
        var client = factory.CreateClient();
        var admin = await factory.LoginAsAdminAsync();
        var tag = VesselSamples.NewShipCode();

        var writers = Enumerable.Range(0, 6).SelectMany(round => new Func<Task>[]
        {
            async () => Assert.True((await Get<VesselStore>().CreateAsync(VesselSamples.Valid($"LOCK {tag} {round}"))).Succeeded),
            async () => Assert.True((await Get<VesselImporter>().ImportAsync(ImportFile(), skipInvalid: false, "test")).Succeeded),
            async () => await client.PushOkAsync(new JsonArray(new JsonObject { ["vessel_name"] = $"LOCK PUSH {tag} {round}" }).ToJsonString()),
            async () =>
            {
                var users = Get<UserStore>();
                var id = await users.CreateAsync($"lock-{tag}-{round}".ToLowerInvariant(), "hash", Roles.Viewer);
                var session = await users.StartSessionAsync(id, TimeSpan.FromHours(1));
                await users.SetPasswordHashAsync(id, "hash2", endSessions: false);
                await users.EndSessionAsync(session);
                Assert.Equal(UserChange.Done, await users.DeleteAsync(id));
            },
            async () => Assert.Equal(System.Net.HttpStatusCode.OK, (await admin.GetAsync("/vessel/list")).StatusCode),
            // A dry run does the whole replacement in its write and rolls it back.
            async () => Assert.True((await Get<LegacyImporter>().ImportAsync(
                legacyPath, new LegacyImportOptions(DryRun: true, Replace: true, Force: true), CancellationToken.None)).DryRun),
        });

        await Task.WhenAll(writers.Select(writer => Task.Run(writer)));

        Assert.Equal(6, (await Get<VesselStore>().SearchAsync(new VesselQuery(Name: $"LOCK {tag}"))).TotalCount);
    }

    [Fact]
    public void Each_table_is_written_only_by_its_owner()
    {
        var owners = new Dictionary<string, string>
        {
            ["vessels"] = "Vessels/VesselWrites.cs",
            ["voyages"] = "Voyages/VoyageWrites.cs",
            ["voyage_feed_log"] = "Voyages/VoyageFeedLog.cs",
            ["users"] = "Accounts/UserStore.cs",
            ["user_sessions"] = "Accounts/UserStore.cs",
            ["app_meta"] = "Data/AppMeta.cs",
            ["voyage_events"] = "Voyages/VoyageWrites.cs",
            ["my_fleet_settings"] = "Fleet/MyFleet.cs",
            ["code_names"] = "Codes/CodeStore.cs",
        };
        var web = Path.Combine(RepositoryRoot.Path, "HosVessel.Web");
        var writes = Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(path => WriteStatement().Matches(File.ReadAllText(path))
                .Select(match => (Table: match.Groups["table"].Value, File: Path.GetRelativePath(web, path).Replace('\\', '/'))))
            .ToList();

        Assert.NotEmpty(writes);
        // A new table gets an owner here, or this fails: no table is written from two places unnoticed.
        Assert.All(writes, write => Assert.True(owners.ContainsKey(write.Table), $"{write.Table} is written in {write.File} but has no owner"));
        Assert.All(writes, write => Assert.Equal(owners[write.Table], write.File));
    }

    private static MemoryStream ImportFile()
    {
        var fields = VesselSamples.Valid();
        return new MemoryStream(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            new[] { VesselFieldTable.All.ToDictionary(f => f.Key, f => f.Get(fields)) }));
    }

    // "ON CONFLICT ... DO UPDATE SET" names no table: it updates the row the INSERT before it names.
    [GeneratedRegex(@"\b(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|(?<!DO\s+)UPDATE|DELETE\s+FROM)\s+(?<table>\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex WriteStatement();
}
