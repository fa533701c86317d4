using HosVessel.Web.Vessels;

namespace HosVessel.Web.Fleet;

/// <summary>
/// The home page's search box: a ship by name (aliases included: <c>H/ECOPIA</c> is <c>HYUNDAI ECOPIA</c>, "현대" is <c>HYUNDAI</c>),
/// ship code, IMO or call sign. An exact hit on any of them wins over partial ones. Ships are offered one at a time
/// (the register is streamed, not held), and only the hits are kept.
/// </summary>
public sealed class FleetSearch
{
    private readonly string text;
    private readonly IReadOnlyList<string> keys;
    private readonly string imo;
    private readonly List<FleetShip> exact = [];
    private readonly List<FleetShip> partial = [];

    public FleetSearch(string term)
    {
        text = term.Trim();
        // The register's and the voyage list's reading of a name (VesselName.SearchKeys): "h/ecopia",
        // "hyundai  ecopia" and "현대 ecopia" all mean HYUNDAI ECOPIA.
        keys = VesselName.SearchKeys(text);
        imo = ImoNumber.Clean(text) ?? "";
    }

    /// <summary>The exact hits in the order offered, else the partial ones by name.</summary>
    public IReadOnlyList<FleetShip> Results => exact.Count > 0 ? exact : [.. partial.OrderBy(ship => ship.Name, StringComparer.Ordinal)];

    public void Offer(FleetShip ship)
    {
        if (keys.Contains(ship.Key) || Same(ship.Register?.ShipCode, text) || ship.Register?.ImoNo == imo || Same(ship.Register?.Callsign, text))
        {
            exact.Add(ship);
            partial.Clear();
        }
        else if (exact.Count == 0 && (VesselName.Contains(ship.Key, keys)
            || ship.Name.Contains(text, StringComparison.OrdinalIgnoreCase)
            || Contains(ship.Register?.ShipCode, text) || (imo.Length >= 3 && Contains(ship.Register?.ImoNo, imo))
            || Contains(ship.Register?.Callsign, text)))
        {
            partial.Add(ship);
        }
    }

    private static bool Same(string? value, string text) => value is not null && string.Equals(value.Trim(), text, StringComparison.OrdinalIgnoreCase);

    private static bool Contains(string? value, string text) => value?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;
}
