using HosVessel.Web.Vessels;

namespace HosVessel.Web.Fleet;

/// <summary>
/// The home page's search box: a ship by name (aliases included: <c>H/ECOPIA</c> is <c>HYUNDAI ECOPIA</c>, "현대" is <c>HYUNDAI</c>),
/// ship code, IMO or call sign. An exact hit on any of them wins over partial ones.
/// </summary>
public static class FleetSearch
{
    public static IReadOnlyList<FleetShip> Find(FleetSnapshot fleet, string? term)
    {
        if (string.IsNullOrWhiteSpace(term))
        {
            return [];
        }
        var text = term.Trim();
        // The register's and the voyage list's reading of a name (VesselName.SearchKeys): "h/ecopia",
        // "hyundai  ecopia" and "현대 ecopia" all mean HYUNDAI ECOPIA.
        var keys = VesselName.SearchKeys(text);
        var imo = ImoNumber.Clean(text) ?? "";
        var exact = fleet.Ships.Where(ship => keys.Contains(ship.Key) || Same(ship.Register?.ShipCode, text)
            || ship.Register?.ImoNo == imo || Same(ship.Register?.Callsign, text)).ToList();
        if (exact.Count > 0)
        {
            return exact;
        }
        return [.. fleet.Ships.Where(ship => VesselName.Contains(ship.Key, keys)
            || ship.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
            || Contains(ship.Register?.ShipCode, text) || (imo.Length >= 3 && Contains(ship.Register?.ImoNo, imo))
            || Contains(ship.Register?.Callsign, text))
            .OrderBy(ship => ship.Name, StringComparer.Ordinal)];
    }

    private static bool Same(string? value, string text) => value is not null && string.Equals(value.Trim(), text, StringComparison.OrdinalIgnoreCase);

    private static bool Contains(string? value, string text) => value?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;
}
