using Dapper;
using HosVessel.Web.Data;
using HosVessel.Web.Vessels;
using HosVessel.Web.Voyages;
using Microsoft.Extensions.Options;

namespace HosVessel.Web.Fleet;

/// <summary>
/// Reads the fleet for the home page: the register and the current voyages, through their stores. The joined
/// snapshot is kept until the data changes: after any write committed by this process it is read again on the very
/// next request (<see cref="Database.CommittedWrites"/>), and a write by another process (a CLI import, sqlite3 by
/// hand) shows within <see cref="OtherProcessCheck"/>, found by one cheap version query. The home page is opened far more often than the fleet changes.
/// The register is streamed into the snapshot, which keeps only what the panels show (<see cref="FleetSnapshot"/>), and
/// is read again when the Korean day changes, since the ships whose audit falls due depend on the day.
/// </summary>
public sealed class FleetReader(Database database, VesselStore vessels, VoyageStore voyages, IOptions<FleetOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan OtherProcessCheck = TimeSpan.FromSeconds(2);

    // Every push and clear adds a feed-log row (the push time alone repeats under a test's fixed clock); every
    // vessel create, edit or delete moves the register's count or newest edit, from this process or a CLI import.
    private const string VersionQuery = """
        SELECT ifnull((SELECT max(id) FROM voyage_feed_log), 0) || '|' ||
               (SELECT count(*) || '|' || ifnull(max(updated_at), '') FROM vessels)
        """;

    private sealed record Cached(string Version, long Writes, long CheckedAt, FleetSnapshot Snapshot);

    private Cached? cached;

    // One reader at a time: requests arriving together after a change wait for one pass over the register rather
    // than each making its own (at 100,000 vessels, sixteen passes at once were 600 MiB and seconds each).
    private readonly SemaphoreSlim reading = new(1, 1);

    public async Task<FleetSnapshot> ReadAsync(CancellationToken cancellationToken = default)
    {
        // Read before the version: a write committed after this point makes the next request look again.
        var writes = Database.CommittedWrites;
        var now = clock.GetTimestamp();
        var today = DateOnly.FromDateTime(KoreanTime.Now(clock).DateTime);
        if (Fresh(writes, now, today) is { } fresh)
        {
            return fresh.Snapshot;
        }
        await reading.WaitAsync(cancellationToken);
        try
        {
            return await ReadLockedAsync(writes, now, today, cancellationToken);
        }
        finally
        {
            reading.Release();
        }
    }

    // The cached snapshot when no write of this process and no Korean day has passed since it was read, and another
    // process's writes were looked for within OtherProcessCheck.
    private Cached? Fresh(long writes, long now, DateOnly today) =>
        Volatile.Read(ref cached) is { } hit && hit.Snapshot.Day == today && hit.Writes == writes
        && clock.GetElapsedTime(hit.CheckedAt, now) < OtherProcessCheck ? hit : null;

    private async Task<FleetSnapshot> ReadLockedAsync(long writes, long now, DateOnly today, CancellationToken cancellationToken)
    {
        // Another request may have read it while this one waited.
        if (Fresh(writes, now, today) is { } fresh)
        {
            return fresh.Snapshot;
        }
        var hit = Volatile.Read(ref cached) is { } last && last.Snapshot.Day == today ? last : null;
        string version;
        await using (var connection = await database.OpenAsync(cancellationToken))
        {
            version = await connection.ExecuteScalarAsync<string>(VersionQuery) ?? "";
        }
        // The version can miss a write in this process (an edit in the same clock tick as the last), the count cannot.
        if (hit is not null && hit.Writes == writes && hit.Version == version)
        {
            Volatile.Write(ref cached, hit with { Writes = writes, CheckedAt = now });
            return hit.Snapshot;
        }
        var current = await voyages.ListAllAsync(cancellationToken);
        var lastPush = await voyages.GetLastPushAsync(cancellationToken);
        var builder = new FleetSnapshotBuilder(current, lastPush, today, options.Value);
        await foreach (var vessel in vessels.StreamAllAsync(cancellationToken))
        {
            builder.Add(vessel);
        }
        var snapshot = builder.Build();
        // Written after the reads: a change racing them shows on the next request, as its version differs.
        Volatile.Write(ref cached, new Cached(version, writes, now, snapshot));
        return snapshot;
    }

    /// <summary>
    /// The home page's search over the whole register, streamed past <see cref="FleetSearch"/>, which keeps the hits
    /// the page shows; a register ship takes its voyage from <paramref name="fleet"/>, and the feed's unregistered
    /// ships are searched too. Register rows carry only the searched columns (the page shows a hit's name and link).
    /// </summary>
    public async Task<FleetSearchResult> SearchAsync(FleetSnapshot fleet, string term, CancellationToken cancellationToken = default)
    {
        var voyageOf = fleet.Ships.Where(ship => ship.Register is not null && ship.Voyage is not null)
            .ToDictionary(ship => ship.Register!.Id, ship => ship.Voyage);
        // Most searches name one ship: its exact hits come through the indexes, and the register is not read.
        var exact = new FleetSearch(term);
        await Offer(exact, vessels.StreamExactCandidatesAsync(exact.Keys, exact.Imo, exact.Text, cancellationToken));
        if (exact.HasExactHits)
        {
            return exact.Result;
        }
        var search = new FleetSearch(term);
        await Offer(search, vessels.StreamSearchFieldsAsync(cancellationToken));
        return search.Result;

        async Task Offer(FleetSearch to, IAsyncEnumerable<Vessel> register)
        {
            await foreach (var vessel in register)
            {
                to.Offer(new FleetShip(vessel, voyageOf.GetValueOrDefault(vessel.Id)));
            }
            foreach (var ship in fleet.Ships.Where(ship => ship.Register is null))
            {
                to.Offer(ship);
            }
        }
    }
}
