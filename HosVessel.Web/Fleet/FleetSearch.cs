using HosVessel.Web.Vessels;

namespace HosVessel.Web.Fleet;

/// <summary>The first <see cref="Shown"/> ships a search found, and how many it found.</summary>
public sealed record FleetSearchResult(IReadOnlyList<FleetShip> Ships, int Count)
{
    public const int Shown = 30;
}

/// <summary>
/// The home page's search box: a ship by name (aliases included: <c>H/ECOPIA</c> is <c>HYUNDAI ECOPIA</c>, "현대" is <c>HYUNDAI</c>),
/// ship code, IMO or call sign. An exact hit on any of them wins over partial ones. Ships are offered one at a time
/// (the register is streamed, not held), and only the hits the page shows are kept: a common word matching half of
/// 100,000 ships is a count and the first <see cref="FleetSearchResult.Shown"/> by name.
/// </summary>
public sealed class FleetSearch
{
    private readonly List<FleetShip> exact = [];
    private readonly List<FleetShip> partial = [];
    private int exactCount;
    private int partialCount;

    public FleetSearch(string term)
    {
        Text = term.Trim();
        // The register's and the voyage list's reading of a name (VesselName.SearchKeys): "h/ecopia",
        // "hyundai  ecopia" and "현대 ecopia" all mean HYUNDAI ECOPIA.
        Keys = VesselName.SearchKeys(Text);
        Imo = ImoNumber.Clean(Text) ?? "";
    }

    /// <summary>The term, trimmed.</summary>
    public string Text { get; }

    /// <summary>The name keys the term may mean.</summary>
    public IReadOnlyList<string> Keys { get; }

    /// <summary>The term as an IMO number, or empty.</summary>
    public string Imo { get; }

    public bool HasExactHits => exactCount > 0;

    /// <summary>The exact hits, else the partial ones; by name, and in the order offered where names are equal.</summary>
    public FleetSearchResult Result => exactCount > 0 ? new(exact, exactCount) : new(partial, partialCount);

    public void Offer(FleetShip ship)
    {
        if (Keys.Contains(ship.Key) || Same(ship.Register?.ShipCode, Text) || ship.Register?.ImoNo == Imo || Same(ship.Register?.Callsign, Text))
        {
            exactCount++;
            KeepByName(exact, ship);
        }
        else if (exactCount == 0 && (VesselName.Contains(ship.Key, Keys)
            || ship.Name.Contains(Text, StringComparison.OrdinalIgnoreCase)
            || Contains(ship.Register?.ShipCode, Text) || (Imo.Length >= 3 && Contains(ship.Register?.ImoNo, Imo))
            || Contains(ship.Register?.Callsign, Text)))
        {
            partialCount++;
            KeepByName(partial, ship);
        }
    }

    // The first Shown by name (ordinal); a ship whose name equals one kept goes after it, as a stable sort puts it.
    private static void KeepByName(List<FleetShip> kept, FleetShip ship)
    {
        var at = kept.Count;
        while (at > 0 && string.CompareOrdinal(kept[at - 1].Name, ship.Name) > 0)
        {
            at--;
        }
        if (at < FleetSearchResult.Shown)
        {
            kept.Insert(at, ship);
            if (kept.Count > FleetSearchResult.Shown)
            {
                kept.RemoveAt(kept.Count - 1);
            }
        }
    }

    private static bool Same(string? value, string text) => value is not null && string.Equals(value.Trim(), text, StringComparison.OrdinalIgnoreCase);

    private static bool Contains(string? value, string text) => value?.Contains(text, StringComparison.OrdinalIgnoreCase) == true;
}
