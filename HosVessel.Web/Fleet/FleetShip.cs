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
