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

/// <summary>The whole fleet at one moment: every register vessel and every current voyage, read once per page.</summary>
public sealed record FleetSnapshot(IReadOnlyList<FleetShip> Ships, DateTimeOffset? LastPush)
{
    public static FleetSnapshot Join(IReadOnlyList<Vessel> vessels, IReadOnlyList<Voyage> voyages, DateTimeOffset? lastPush)
    {
        var byKey = voyages.ToDictionary(v => v.VesselName, StringComparer.Ordinal);
        var ships = new List<FleetShip>(vessels.Count + voyages.Count);
        foreach (var vessel in vessels)
        {
            // Two register rows may share a key (legacy data); the voyage goes with the first.
            ships.Add(new FleetShip(vessel, byKey.Remove(vessel.NameKey, out var voyage) ? voyage : null));
        }
        ships.AddRange(byKey.Values.Select(voyage => new FleetShip(null, voyage)));
        return new FleetSnapshot(ships, lastPush);
    }
}
