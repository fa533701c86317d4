using Dapper;
using HosVessel.Web.Data;
using HosVessel.Web.Vessels;
using HosVessel.Web.Voyages;

namespace HosVessel.Web.Fleet;

/// <summary>
/// Reads the fleet for the home page: the register and the current voyages, through their stores. The joined
/// snapshot is kept until the data changes, which one cheap query tells (the last push time and the register's
/// row count and newest edit); the home page is opened far more often than the fleet changes.
/// </summary>
public sealed class FleetReader(Database database, VesselStore vessels, VoyageStore voyages)
{
    // Every push and clear adds a feed-log row (the push time alone repeats under a test's fixed clock); every
    // vessel create, edit or delete moves the register's count or newest edit, from this process or a CLI import.
    private const string VersionQuery = """
        SELECT ifnull((SELECT max(id) FROM voyage_feed_log), 0) || '|' ||
               (SELECT count(*) || '|' || ifnull(max(updated_at), '') FROM vessels)
        """;

    private (string Version, FleetSnapshot Snapshot)? cached;

    public async Task<FleetSnapshot> ReadAsync(CancellationToken cancellationToken = default)
    {
        string version;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            version = await connection.ExecuteScalarAsync<string>(VersionQuery) ?? "";
        }
        if (cached is { } hit && hit.Version == version)
        {
            return hit.Snapshot;
        }
        var register = await vessels.ListAllAsync(new VesselQuery(), cancellationToken);
        var current = await voyages.ListAllAsync(cancellationToken);
        var lastPush = await voyages.GetLastPushAsync(cancellationToken);
        var snapshot = FleetSnapshot.Join(register, current, lastPush);
        // Written after the reads: a change racing them shows on the next request, as its version differs.
        cached = (version, snapshot);
        return snapshot;
    }
}
