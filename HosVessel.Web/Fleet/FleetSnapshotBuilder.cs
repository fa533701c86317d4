using HosVessel.Web.Vessels;
using HosVessel.Web.Voyages;

namespace HosVessel.Web.Fleet;

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
