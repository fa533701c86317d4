using HosVessel.Web.Vessels;
using HosVessel.Web.Voyages;

namespace HosVessel.Web.Fleet;

/// <summary>One ship as the home page sees it: its register row, its current voyage, or both (joined by name key).</summary>
public sealed record FleetShip(Vessel? Register, Voyage? Voyage)
{
    public string Key => Register?.NameKey ?? Voyage!.VesselName;

    public string Name => Register?.Name ?? Voyage!.VesselName;

    /// <summary>The ship's page: the register page when there is one, else the voyage page.</summary>
    public string Link => Register is { } vessel ? VoyagePaths.Vessel(vessel.Id) : VoyagePaths.Voyage(Voyage!.Id);
}

/// <summary>
/// The fleet as the home page needs it at one moment. A register of 100,000 vessels is not held: <see cref="Ships"/>
/// keeps every ship with a current voyage (the arrivals, PSC and crew panels read only those) and the register ships
/// whose audit is due by <see cref="Day"/> plus the warning days; the rest is counts (the fleet, the team codes of
/// ships without a voyage) and the data-quality lists' first rows.
/// </summary>
public sealed record FleetSnapshot(
    IReadOnlyList<FleetShip> Ships, int Count, IReadOnlyDictionary<(string Tic, string Crew), int> UnheldTeams,
    DataQualityReport Quality, DateOnly Day, DateTimeOffset? LastPush)
{
    /// <summary>
    /// How many ships <paramref name="settings"/> makes the user's. A ship without a voyage is theirs only by team
    /// code, so the counts by code pair stand in for the register ships not held.
    /// </summary>
    public int CountMine(MyFleetSettings settings) =>
        Ships.Count(ship => ship.Voyage is not null && settings.Includes(ship))
        + UnheldTeams.Where(team => settings.IncludesTeams(team.Key.Tic, team.Key.Crew)).Sum(team => team.Value);
}

/// <summary>Builds a <see cref="FleetSnapshot"/> from the register read one row at a time, in the list's order.</summary>
public sealed class FleetSnapshotBuilder(IReadOnlyList<Voyage> voyages, DateTimeOffset? lastPush, DateOnly today, FleetOptions options)
{
    private readonly Dictionary<string, Voyage> byKey = voyages.ToDictionary(v => v.VesselName, StringComparer.Ordinal);
    private readonly List<FleetShip> ships = [];
    private readonly Dictionary<(string Tic, string Crew), int> unheldTeams = [];
    private readonly QualityList missingFromPush = new(), badImo = new(), noAuditDate = new();
    private int count;

    public void Add(Vessel vessel)
    {
        count++;
        // Two register rows may share a key (legacy data); the voyage goes with the first.
        var ship = new FleetShip(vessel, byKey.Remove(vessel.NameKey, out var voyage) ? voyage : null);
        if (voyage is not null || FleetOverview.AuditDueRow(ship, today, options) is not null)
        {
            ships.Add(ship);
        }
        if (voyage is null)
        {
            var team = (MyFleetSettings.TeamCode(vessel.Tic), MyFleetSettings.TeamCode(vessel.Crew));
            unheldTeams[team] = unheldTeams.GetValueOrDefault(team) + 1;
            // Before the first push every ship would be "missing"; the list means something only after one.
            if (lastPush is not null)
            {
                missingFromPush.Add(ship);
            }
        }
        if (!vessel.HasValidImo)
        {
            badImo.Add(ship);
        }
        if (string.IsNullOrWhiteSpace(vessel.InternalAudit))
        {
            noAuditDate.Add(ship);
        }
    }

    public FleetSnapshot Build()
    {
        // Voyages no register row claimed, in feed order.
        List<FleetShip> unknown = [.. byKey.Values.Select(voyage => new FleetShip(null, voyage))];
        ships.AddRange(unknown);
        var quality = new DataQualityReport(new QualityGroup(unknown, unknown.Count), missingFromPush.Group, badImo.Group, noAuditDate.Group);
        return new FleetSnapshot(ships, count + unknown.Count, unheldTeams, quality, today, lastPush);
    }

    private sealed class QualityList
    {
        private readonly List<FleetShip> first = [];
        private int count;

        public QualityGroup Group => new(first, count);

        public void Add(FleetShip ship)
        {
            if (count++ < QualityGroup.ShipsKept)
            {
                first.Add(ship);
            }
        }
    }
}
