using System.Text.RegularExpressions;

namespace HosVessel.Web.Vessels;

/// <summary>
/// The one rule that turns a vessel name into its key. The register stores it as <c>vessels.name_key</c>
/// and the voyage feed as <c>voyages.vessel_key</c>; the two join on it, so both must call this.
/// </summary>
public static partial class VesselName
{
    public const int MaxLength = 100;

    /// <summary>Upper-case, runs of whitespace collapsed to one space, trimmed, a leading <c>H/</c> written <c>HYUNDAI </c>.</summary>
    public static string Normalise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }
        var key = Whitespace().Replace(name.Trim(), " ").ToUpperInvariant();
        // The fleet writes "H/ AMBITION" and "HYUNDAI AMBITION" for the same ship.
        if (key.StartsWith("H/", StringComparison.Ordinal))
        {
            key = "HYUNDAI " + key[2..].TrimStart();
            key = key.TrimEnd();
        }
        return key;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
